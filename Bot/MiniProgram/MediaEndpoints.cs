using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.MiniProgram;

public static class MediaEndpoints
{
    public static void MapMedia(this RouteGroupBuilder mp) =>
        mp.MapPost("/media", Upload).WithTags("Mini-program: identity").RequireAuthorization(MiniProgramSetup.Users)
            .DisableAntiforgery().WithSummary("Upload one photo (multipart field 'file'; JPEG, PNG or WebP, 10 MB at most)");

    static async Task<Results<Created<StoredMedia>, ValidationProblem, ProblemHttpResult>> Upload(HttpRequest request, CurrentUser user,
        MediaStore media, IOptions<MiniProgramOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxPhotoBytes;
        // Refused before reading: the multipart envelope adds a little, a body far beyond the photo limit is not a photo.
        if (request.ContentLength > max + 64 * 1024)
            return TypedResults.Problem(statusCode: 413, title: $"A photo is {max / 1024 / 1024} MB at most.");
        var errors = new FieldErrors();
        if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
        {
            errors.Add("file", "Send the photo as multipart/form-data in a field named 'file'.");
            return errors.Problem();
        }
        if (file.Length == 0)
            errors.Add("file", "The file is empty.");
        else if (file.Length > max)
            errors.Add("file", $"A photo is {max / 1024 / 1024} MB at most ({file.Length / 1024 / 1024.0:0.#} MB sent).");
        if (errors.Any)
            return errors.Problem();
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        if (MediaStore.ImageType(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16))) is not { } type)
        {
            errors.Add("file", "Only JPEG, PNG or WebP photos (judged by the file's content, not its name).");
            return errors.Problem();
        }
        var stored = await media.SaveAsync(user.PersonId, buffer.ToArray(), type, ct);
        return TypedResults.Created($"/api/mp/media/{stored.Id}", stored);
    }
}
