namespace Bot.Domain.Demands;

// Ordered by weight: a bigger value is a harder matter (docs/taxonomy.md "Colours").
public enum Colour { Green, Blue, Orange }

public static class ColourCodes
{
    public static string Code(this Colour colour) => colour.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out Colour colour) =>
        Enum.TryParse(code?.Trim(), ignoreCase: true, out colour)
        && Enum.IsDefined(colour) && !int.TryParse(code, out _);

    public static string Chinese(this Colour colour) => colour switch
    {
        Colour.Green => "绿色",
        Colour.Blue => "蓝色",
        _ => "橙色",
    };
}
