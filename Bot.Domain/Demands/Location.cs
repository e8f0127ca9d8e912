namespace Bot.Domain.Demands;

public sealed record Location(decimal Latitude, decimal Longitude, string? Label)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
