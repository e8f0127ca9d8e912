namespace Bot.Domain.Classification;

public sealed class ClassifierModelException(string path, string reason, Exception? inner = null)
    : Exception($"Cannot load the classifier model {path}: {reason}.", inner)
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;
}
