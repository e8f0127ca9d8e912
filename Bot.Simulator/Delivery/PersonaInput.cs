namespace Bot.Simulator.Delivery;

// Something a persona does in WeChat, as the test API and the page post it.
// Type: text, image, voice, video, shortvideo, location, link; subscribe, unsubscribe, scan, click, view,
// location_event; or raw (Xml sent as it is).
// Key: Menu key (click), scene (subscribe/scan), URL (view).
public sealed record PersonaInput(
    string Type, string? Content = null, string? MediaId = null, string? Format = null, string? Recognition = null,
    double? Latitude = null, double? Longitude = null, int? Scale = null, string? Label = null, double? Precision = null,
    string? Key = null, string? Title = null, string? Description = null, string? Url = null, string? Xml = null);
