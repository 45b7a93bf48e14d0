using Samverka.Web.Features.SelfAssessment;


namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>The suppression rules on small hand-made hierarchies (the HTTP tests run them on real data).</summary>
public class SuppressionTests
{
    private static HashSet<string> Hide(Dictionary<string, int> n, int threshold, params GroupSum[] sums) => Suppression.Hidden(n, sums, threshold);

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Mean_GroupOfFourHidden_GroupOfFiveShown(int size, bool hidden)
    {
        var hiddenSet = Hide(new() { ["N"] = size }, 5);
        Assert.Equal(hidden, hiddenSet.Contains("N"));
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Distribution_GroupOfSevenHidden_GroupOfEightShown(int size, bool hidden)
    {
        var hiddenSet = Hide(new() { ["N"] = size }, 8);
        Assert.Equal(hidden, hiddenSet.Contains("N"));
    }

    [Fact]
    public void OneSmallChild_TheNextSmallestIsHiddenToo()
    {
        // Municipality 30 = libraries 4 + 6 + 20: "30 − 6 − 20" would reveal the 4.
        var n = new Dictionary<string, int> { ["M"] = 30, ["A"] = 4, ["B"] = 6, ["C"] = 20 };
        var hidden = Hide(n, 5, new GroupSum("M", ["A", "B", "C"]));
        Assert.Equal(["A", "B"], hidden.Order());
    }

    [Fact]
    public void TwoTinyChildren_TogetherBelowThreshold_AThirdIsHidden()
    {
        // 2 + 2 = 4 < 5: the pair could be derived as a group of 4.
        var n = new Dictionary<string, int> { ["M"] = 30, ["A"] = 2, ["B"] = 2, ["C"] = 6, ["D"] = 20 };
        var hidden = Hide(n, 5, new GroupSum("M", ["A", "B", "C", "D"]));
        Assert.Equal(["A", "B", "C"], hidden.Order());
    }

    [Fact]
    public void SmallLibrary_ItsSiblingHidden_ParentsShown()
    {
        // Region 40 = municipality X 6 + Y 34; Y = library Y1 30 + Y2 4.
        var n = new Dictionary<string, int> { ["R"] = 40, ["X"] = 6, ["Y"] = 34, ["X1"] = 6, ["Y1"] = 30, ["Y2"] = 4 };
        var hidden = Hide(n, 5, new GroupSum("R", ["X", "Y"]), new GroupSum("Y", ["Y1", "Y2"]), new GroupSum("X", ["X1"]));
        // Y2 hidden → Y1 hidden as its complement; the municipalities and the region stay shown.
        Assert.Contains("Y2", hidden);
        Assert.Contains("Y1", hidden);
        Assert.DoesNotContain("R", hidden);
    }
}

public class SuppressionParentTests
{
    [Fact]
    public void HiddenParent_HidesAllItsChildren()
    {
        // Municipality X (3) is hidden; without rule 2 its only library (3) would show the same figures.
        var n = new Dictionary<string, int> { ["R"] = 23, ["X"] = 3, ["Y"] = 20, ["X1"] = 3, ["Y1"] = 20 };
        var hidden = Suppression.Hidden(n, [new GroupSum("R", ["X", "Y"]), new GroupSum("X", ["X1"])], 5);
        Assert.Contains("X1", hidden);
        Assert.Contains("Y", hidden); // the complement of X under R
    }
}
