using System.Text;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Programmes;
using Samverka.Web.Features.Themes;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.Needs;

namespace Samverka.Web.Data;

/// <param name="currentUser">The request's user; absent (as in tools and outside requests) means unlimited.</param>
public class AppDbContext(DbContextOptions<AppDbContext> options, Samverka.Web.Infrastructure.CurrentUser? currentUser = null)
    : IdentityUserContext<AppUser>(options)
{
    /// <summary>
    /// What the request's user may reach (<see cref="Samverka.Web.Infrastructure.UserScope.System"/> outside
    /// requests). The query filter on people and ScopeGuardInterceptor read it: the second layer behind
    /// the checks in the pages, so that a forgotten check neither leaks nor writes.
    /// </summary>
    public Samverka.Web.Infrastructure.UserScope Scope => currentUser?.Scope ?? Samverka.Web.Infrastructure.UserScope.System;

    // Read by the query filter on every query (EF evaluates members of the context per query, not once).
    private bool ScopeReadsEverything => Scope.ReadsEverything;
    private string[] ScopeCounties => [.. Scope.Counties];
    private string[] ScopeMunicipalities => [.. Scope.Municipalities];
    private int[] ScopeLibraries => [.. Scope.Libraries];
    private string? ScopeEmail => Scope.Email?.ToLowerInvariant();

    /// <summary>ICU collation created by the first migration: sorts å, ä, ö after z.</summary>
    public const string SwedishCollation = "sv";

    public DbSet<County> Counties => Set<County>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Library> Libraries => Set<Library>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Features.Directory.Kb.KbUpload> KbUploads => Set<Features.Directory.Kb.KbUpload>();
    public DbSet<Features.Directory.Kb.LibraryStatistic> LibraryStatistics => Set<Features.Directory.Kb.LibraryStatistic>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeRegion> ProgrammeRegions => Set<ProgrammeRegion>();
    public DbSet<ProgrammeFunding> ProgrammeFunding => Set<ProgrammeFunding>();
    public DbSet<ProgrammePartner> ProgrammePartners => Set<ProgrammePartner>();
    public DbSet<Offering> Offerings => Set<Offering>();
    public DbSet<EligibilityException> EligibilityExceptions => Set<EligibilityException>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<ReferenceGroup> ReferenceGroups => Set<ReferenceGroup>();
    public DbSet<ReferenceGroupMember> ReferenceGroupMembers => Set<ReferenceGroupMember>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivitySession> ActivitySessions => Set<ActivitySession>();
    public DbSet<ActivityTheme> ActivityThemes => Set<ActivityTheme>();
    public DbSet<ActivityOrganiser> ActivityOrganisers => Set<ActivityOrganiser>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<SteeringDocument> SteeringDocuments => Set<SteeringDocument>();
    public DbSet<CooperationArea> CooperationAreas => Set<CooperationArea>();
    public DbSet<CooperationAreaTheme> CooperationAreaThemes => Set<CooperationAreaTheme>();
    public DbSet<AgreementFollowUp> AgreementFollowUps => Set<AgreementFollowUp>();
    public DbSet<FollowUpAreaProgress> FollowUpAreaProgress => Set<FollowUpAreaProgress>();
    public DbSet<FollowUpReminder> FollowUpReminders => Set<FollowUpReminder>();
    public DbSet<ProjectAgreement> ProjectAgreements => Set<ProjectAgreement>();
    public DbSet<ProjectAgreementActivity> ProjectAgreementActivities => Set<ProjectAgreementActivity>();
    public DbSet<ActivityRegistration> ActivityRegistrations => Set<ActivityRegistration>();
    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();
    public DbSet<ActivityEvaluation> ActivityEvaluations => Set<ActivityEvaluation>();
    public DbSet<EvaluationRead> EvaluationReads => Set<EvaluationRead>();
    public DbSet<AssessmentInstrument> AssessmentInstruments => Set<AssessmentInstrument>();
    public DbSet<AssessmentItem> AssessmentItems => Set<AssessmentItem>();
    public DbSet<AssessmentRound> AssessmentRounds => Set<AssessmentRound>();
    public DbSet<AssessmentLink> AssessmentLinks => Set<AssessmentLink>();
    public DbSet<AssessmentResponse> AssessmentResponses => Set<AssessmentResponse>();
    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();
    public DbSet<AssessmentDoneMark> AssessmentDoneMarks => Set<AssessmentDoneMark>();
    public DbSet<ActivityPlan> ActivityPlans => Set<ActivityPlan>();
    public DbSet<DevelopmentArea> DevelopmentAreas => Set<DevelopmentArea>();
    public DbSet<AreaPartner> AreaPartners => Set<AreaPartner>();
    public DbSet<SubGoal> SubGoals => Set<SubGoal>();
    public DbSet<PlannedAction> PlannedActions => Set<PlannedAction>();
    public DbSet<PlannedActionLink> PlannedActionLinks => Set<PlannedActionLink>();
    public DbSet<AreaOutcome> AreaOutcomes => Set<AreaOutcome>();
    public DbSet<AreaShare> AreaShares => Set<AreaShare>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<TeamMemberArea> TeamMemberAreas => Set<TeamMemberArea>();
    public DbSet<EmploymentPeriod> EmploymentPeriods => Set<EmploymentPeriod>();
    public DbSet<LibraryPlan> LibraryPlans => Set<LibraryPlan>();
    public DbSet<PlanReminder> PlanReminders => Set<PlanReminder>();
    public DbSet<PlanSurvey> PlanSurveys => Set<PlanSurvey>();
    public DbSet<PlanSurveyResponse> PlanSurveyResponses => Set<PlanSurveyResponse>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<NeedSupporter> NeedSupporters => Set<NeedSupporter>();
    public DbSet<NeedActivity> NeedActivities => Set<NeedActivity>();
    public DbSet<NeedOffering> NeedOfferings => Set<NeedOffering>();
    public DbSet<NeedAgreement> NeedAgreements => Set<NeedAgreement>();
    public DbSet<NeedPlanAction> NeedPlanActions => Set<NeedPlanAction>();
    public DbSet<PriorityRound> PriorityRounds => Set<PriorityRound>();
    public DbSet<PriorityRoundRegion> PriorityRoundRegions => Set<PriorityRoundRegion>();
    public DbSet<PriorityRoundNeed> PriorityRoundNeeds => Set<PriorityRoundNeed>();
    public DbSet<PriorityBallot> PriorityBallots => Set<PriorityBallot>();
    public DbSet<PriorityPoints> PriorityPoints => Set<PriorityPoints>();
    public DbSet<Features.MyWork.DigestSubscription> DigestSubscriptions => Set<Features.MyWork.DigestSubscription>();
    public DbSet<Features.MyWork.WeeklyDigest> WeeklyDigests => Set<Features.MyWork.WeeklyDigest>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<County>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(2);
            e.Property(x => x.Name).UseCollation(SwedishCollation);
        });

        b.Entity<Municipality>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(4);
            e.Property(x => x.Name).UseCollation(SwedishCollation);
            e.HasOne(x => x.County).WithMany(c => c.Municipalities).HasForeignKey(x => x.CountyCode);
            e.HasGeneratedTsVectorColumn(x => x.SearchVector, "swedish", x => new { x.Name })
                .HasIndex(x => x.SearchVector).HasMethod("GIN");
        });

        b.Entity<Library>(e =>
        {
            e.Property(x => x.Name).UseCollation(SwedishCollation).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasOne(x => x.Municipality).WithMany(m => m.Libraries).HasForeignKey(x => x.MunicipalityCode);
            e.HasIndex(x => new { x.MunicipalityCode, x.Name }).IsUnique();
            e.Property(x => x.Sigel).HasMaxLength(20);
            e.HasIndex(x => x.Sigel).IsUnique();
            e.HasGeneratedTsVectorColumn(x => x.SearchVector, "swedish", x => new { x.Name })
                .HasIndex(x => x.SearchVector).HasMethod("GIN");
        });

        b.Entity<Person>(e =>
        {
            e.Property(x => x.Name).UseCollation(SwedishCollation).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => x.Email).IsUnique();
            e.HasOne(x => x.Library).WithMany(l => l.People).HasForeignKey(x => x.LibraryId);
            // The same rule as DirectoryAccess.VisiblePeople: people are never public.
            e.HasQueryFilter(p => ScopeReadsEverything
                || ScopeCounties.Contains(p.Library!.Municipality!.CountyCode)
                || ScopeMunicipalities.Contains(p.Library!.MunicipalityCode)
                || ScopeLibraries.Contains(p.LibraryId)
                || (ScopeEmail != null && p.Email.ToLower() == ScopeEmail));
            e.HasGeneratedTsVectorColumn(x => x.SearchVector, "swedish", x => new { x.Name })
                .HasIndex(x => x.SearchVector).HasMethod("GIN");
        });

        b.Entity<AppUser>(e => e.Property(x => x.DisplayName).HasMaxLength(200));

        b.Entity<RoleAssignment>(e =>
        {
            e.Property(x => x.Role).HasMaxLength(20);
            e.HasOne(x => x.User).WithMany(u => u.RoleAssignments).HasForeignKey(x => x.UserId);
        });

        AccountModel.Configure(b);
        ProgrammeModel.Configure(b);
        ThemeModel.Configure(b);
        ActivityModel.Configure(b);
        // Uploaded files are shared by agreements and library plans.
        b.Entity<StoredFile>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
        });
        AgreementModel.Configure(b);
        RegistrationModel.Configure(b);
        SelfAssessmentModel.Configure(b);
        ActivityPlanModel.Configure(b);
        LibraryPlanModel.Configure(b);
        NeedModel.Configure(b);
        Features.Directory.Kb.KbModel.Configure(b);
        Features.MyWork.DigestModel.Configure(b);
        b.ApplyConfiguration(new AuditEventConfiguration());

        ApplySnakeCase(b);

        // Optimistic concurrency on PostgreSQL's system column xmin (no migration: every table has it).
        // Set after ApplySnakeCase, which would otherwise rename the column to "version".
        b.Entity<Library>().Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.Entity<Person>().Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.Entity<Programme>().Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.Entity<Activity>().Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.Entity<Agreement>().Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.Entity<LibraryPlan>().Property(x => x.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
    }

    /// <summary>PostgreSQL folds unquoted names to lower case; snake_case keeps hand-written SQL readable.</summary>
    private static void ApplySnakeCase(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            entity.SetTableName(Snake(table));
            foreach (var p in entity.GetProperties())
                p.SetColumnName(Snake(p.GetColumnName()));
            foreach (var k in entity.GetKeys())
                k.SetName(Snake(k.GetName()!));
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName(Snake(fk.GetConstraintName()!));
            foreach (var ix in entity.GetIndexes())
                ix.SetDatabaseName(Snake(ix.GetDatabaseName()!));
        }
    }

    internal static string Snake(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) ||
                    (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
