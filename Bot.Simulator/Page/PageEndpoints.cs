namespace Bot.Simulator.Page;

public static class PageEndpoints
{
    public static void MapPage(this IEndpointRouteBuilder app) => app.MapGet("/", () =>
    {
        var page = typeof(PageEndpoints).Assembly.GetManifestResourceStream("Bot.Simulator.Page.index.html")!;
        return Results.Stream(page, "text/html; charset=utf-8");
    }).ExcludeFromDescription();
}
