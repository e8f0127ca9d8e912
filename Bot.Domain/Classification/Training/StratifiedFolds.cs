namespace Bot.Domain.Classification.Training;

public static class StratifiedFolds
{
    // fold[i] for every example: each class is shuffled with the seed and dealt round-robin, so
    // every fold holds its share of each class; one running offset spreads the remainders.
    public static int[] Assign(IReadOnlyList<int> labels, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "at least 2 folds");
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var i in members) fold[i] = next++ % folds;
        }
        return fold;
    }
}
