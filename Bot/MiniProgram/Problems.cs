using Bot.Domain.Demands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.MiniProgram;

// The refusals the mini-program API gives, each with a sentence a person can act on.
public static class Problems
{
    // "Not yours" reads exactly like "missing" for a villager, on purpose: codes are guessable.
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: 404, title: "No such demand.", detail: "Check the id; a villager sees only their own demands.");

    public static ProblemHttpResult OutsideYourArea() =>
        TypedResults.Problem(statusCode: 403, title: "This demand is outside your grids and villages.",
            detail: "Staff see their own tasks and, for secretaries and officers, the villages they oversee.");

    // The state machine's refusals: not allowed for this person is 403, not possible now is 409.
    public static ProblemHttpResult From(RuleViolation refused) => refused.Kind == RuleViolationKind.NotPermitted
        ? TypedResults.Problem(statusCode: 403, title: "You may not make this change.", detail: refused.Message)
        : TypedResults.Problem(statusCode: 409, title: refused.Kind == RuleViolationKind.StaleVersion
            ? "The demand changed meanwhile; reload it." : "This change is not possible now.", detail: refused.Message);

    // One place turns a RuleViolation from any mini-program endpoint into its problem.
    public static async ValueTask<object?> RefusalsAsProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleViolation refused)
        {
            return From(refused);
        }
    }
}
