using Bot.Simulator.Platform;

namespace Bot.Simulator.TestApi;

// Bodies of the test API, kept together because each is one line.

public sealed record FaultRequest(FaultKind Kind, int Count = 1, string? Path = null, int DelayMs = 0, int ErrorCode = -1);

public sealed record ClockAdvanceRequest(double Seconds);

public sealed record ConsentRequest(string TemplateId, int Count = 1);
