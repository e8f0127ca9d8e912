using System.Text.Json.Nodes;
using Bot.Simulator.Platform;

namespace Bot.Simulator.Api;

// Temporary media (§8): multipart upload in field "media"; download as bytes, or JSON for videos and errors.
public static class MediaEndpoints
{
    public static void MapMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cgi-bin/media/upload", Upload).AddEndpointFilter(new TokenCheck(null)).DisableAntiforgery();
        app.MapGet("/cgi-bin/media/get", Get).AddEndpointFilter(new TokenCheck(null));
    }

    static async Task<IResult> Upload(HttpRequest request, string? type, MediaStore media, CancellationToken ct)
    {
        if (type is not ("image" or "voice" or "video" or "thumb"))
            return WeChatAnswer.Error(40004, "invalid media type");
        if (!request.HasFormContentType)
            return WeChatAnswer.Error(41005, "media data missing");
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("media") is not { } file)
            return WeChatAnswer.Error(41005, "media data missing");
        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        var stored = media.Save(type, content.ToArray(), file.ContentType ?? "application/octet-stream", file.FileName);
        return WeChatAnswer.Ok(new JsonObject
        {
            ["type"] = type, ["media_id"] = stored.Id, ["created_at"] = stored.CreatedAt.ToUnixTimeSeconds(),
        });
    }

    static IResult Get(HttpContext context, string? media_id, MediaStore media)
    {
        if (media.Find(media_id) is not { } found)
            return WeChatAnswer.Error(40007);
        if (found.Type == "video")
            return WeChatAnswer.Ok(new JsonObject { ["video_url"] = $"{context.Request.Scheme}://{context.Request.Host}/sim/media/{found.Id}" });
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{found.Id}{Path.GetExtension(found.FileName)}\"";
        return Results.Bytes(found.Content, found.ContentType);
    }
}
