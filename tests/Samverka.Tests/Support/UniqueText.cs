namespace Samverka.Tests.Support;

public static class UniqueText
{
    /// <summary>
    /// A random tag of letters only. A GUID's hex digits can line up as ten digits in a row, which the
    /// app rightly refuses as a possible personnummer; that made tests fail at random.
    /// </summary>
    public static string Letters(int length = 12) =>
        new(Guid.NewGuid().ToString("N")[..length].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
}
