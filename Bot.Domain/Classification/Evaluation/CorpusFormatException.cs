namespace Bot.Domain.Classification.Evaluation;

public sealed record CorpusError(int Line, string Reason);

public sealed class CorpusFormatException(string path, IReadOnlyList<CorpusError> errors)
    : Exception($"{path}: {errors.Count} bad line(s):" + string.Concat(errors.Take(20).Select(e => $"\n  line {e.Line}: {e.Reason}"))
                + (errors.Count > 20 ? $"\n  ... and {errors.Count - 20} more" : ""))
{
    public string Path { get; } = path;
    public IReadOnlyList<CorpusError> Errors { get; } = errors;
}
