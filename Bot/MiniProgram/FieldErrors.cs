using Bot.Domain.Demands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.MiniProgram;

// Field-level input checks shared by the mini-program, public and admin endpoints; the answer is one
// ValidationProblem naming every bad field at once.
public sealed class FieldErrors
{
    public const int MaxText = 2000;
    public const int MaxPhotos = 9;
    public const int MaxPageSize = 100;

    readonly Dictionary<string, List<string>> errors = new();

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(message);
    }

    public string Text(string field, string? value, int max = MaxText)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            Add(field, "Required; write a few words.");
        else if (text.Length > max)
            Add(field, $"At most {max} characters ({text.Length} sent).");
        return text;
    }

    public string? OptionalText(string field, string? value, int max)
    {
        var text = value?.Trim();
        if (text?.Length > max)
            Add(field, $"At most {max} characters ({text.Length} sent).");
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public IReadOnlyList<string> Photos(string field, IReadOnlyList<string>? ids)
    {
        var list = ids ?? [];
        if (list.Count > MaxPhotos)
            Add(field, $"At most {MaxPhotos} photos ({list.Count} sent).");
        if (list.Distinct().Count() != list.Count)
            Add(field, "The same photo is listed twice.");
        return list;
    }

    public Location? Location(string field, LocationView? place)
    {
        if (place is null)
            return null;
        if (place.Latitude is < -90 or > 90)
            Add($"{field}.latitude", "Between -90 and 90.");
        if (place.Longitude is < -180 or > 180)
            Add($"{field}.longitude", "Between -180 and 180.");
        var label = OptionalText($"{field}.label", place.Label, 200);
        return new Location(Math.Round(place.Latitude, 6), Math.Round(place.Longitude, 6), label);
    }

    public (int Skip, int Take, int Page, int PageSize) Paging(int? page, int? pageSize, int defaultSize = 20)
    {
        var (p, size) = (page ?? 1, pageSize ?? defaultSize);
        if (p < 1)
            Add("page", "From 1.");
        if (size is < 1 or > MaxPageSize)
            Add("pageSize", $"From 1 to {MaxPageSize}.");
        return (Math.Max(p - 1, 0) * Math.Clamp(size, 1, MaxPageSize), Math.Clamp(size, 1, MaxPageSize), p, size);
    }

    public T? Code<T>(string field, string? value, TryParse<T> parse, string allowed) where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (parse(value, out var parsed))
            return parsed;
        Add(field, $"One of: {allowed}.");
        return null;
    }

    public delegate bool TryParse<T>(string? value, out T parsed);

    // An enum by name in any case ("inProgress", "InProgress"), never by number.
    public static bool Named<T>(string? value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "Some fields need fixing; nothing was changed.");
}
