namespace Bot.Domain.Demands;

public enum RatingValue { Satisfied, BasicallySatisfied, NotSatisfied }

public static class RatingValues
{
    public static bool Counts(this RatingValue value) => value != RatingValue.NotSatisfied;

    public static string Chinese(this RatingValue value) => value switch
    {
        RatingValue.Satisfied => "满意",
        RatingValue.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };
}
