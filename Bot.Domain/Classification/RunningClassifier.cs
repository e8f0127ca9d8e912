namespace Bot.Domain.Classification;

// The model grading demands right now. It starts as the shipped model file; a retrain that does at
// least as well swaps its model in without a restart, and every instance adopts it from the database.
public sealed class RunningClassifier(DemandClassifier shipped)
{
    DemandClassifier current = shipped;

    public DemandClassifier Shipped { get; } = shipped;

    public DemandClassifier Current => Volatile.Read(ref current);

    public void Swap(DemandClassifier next) => Volatile.Write(ref current, next);
}
