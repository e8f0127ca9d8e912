using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Classification;

// Secretaries' re-labels, the training examples the running model got wrong in the field.
public sealed class CorrectionStore(Db db)
{
    public async Task<IReadOnlyList<LabelledText>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT text, category, colour FROM classifier_correction ORDER BY id", cancellationToken: ct));
        return rows.Select(r => CategoryCodes.TryParse(r.Category, out var category) && ColourCodes.TryParse(r.Colour, out var colour)
                ? new LabelledText(r.Text, category, colour)
                : null)
            .OfType<LabelledText>().ToList();
    }

    sealed record Row(string Text, string Category, string Colour);
}
