using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Classification.Features;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Training;

// The model file: "DCLF", a format version, the payload, and the SHA-256 of the payload. Weights are
// stored in half precision and biases in single (LinearHead.RoundedToHalf: the trainer rounds them
// the same way), so the file is small and training is reproducible byte for byte. The model version
// is the start of that hash: any change to the content changes it. The concept lexicon travels
// inside, so a model always matches concepts as it was trained to. Format 1 had no joint head,
// format 2 no lexicon.
public static class ModelFile
{
    const int FormatVersion = 3;
    static readonly byte[] Magic = "DCLF"u8.ToArray();

    public static void Write(string path, ClassifierModel model)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToBytes(model));
    }

    public static string VersionOf(ClassifierModel model) => VersionOf(Payload(model));

    public static byte[] ToBytes(ClassifierModel model)
    {
        var payload = Payload(model);
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.Write(BitConverter.GetBytes(FormatVersion));
        stream.Write(payload);
        stream.Write(SHA256.HashData(payload));
        return stream.ToArray();
    }

    public static (ClassifierModel Model, string Version) Read(string path)
    {
        if (!File.Exists(path)) throw new ClassifierModelException(path, "the file does not exist");
        return FromBytes(File.ReadAllBytes(path), path);
    }

    // `source` names where the bytes came from (a path, a database row) in the error.
    public static (ClassifierModel Model, string Version) FromBytes(byte[] bytes, string source)
    {
        if (bytes.Length < Magic.Length + 4 + 32 || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
            throw new ClassifierModelException(source, "it is not a demand classifier model (no DCLF header)");
        var format = BitConverter.ToInt32(bytes, 4);
        if (format != FormatVersion)
            throw new ClassifierModelException(source, $"it has format version {format}, this build reads version {FormatVersion}; retrain it");
        var payload = bytes.AsSpan(8, bytes.Length - 8 - 32);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new ClassifierModelException(source, "the content does not match its checksum (truncated or corrupt)");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
            return (ReadPayload(reader), VersionOf(payload));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidDataException)
        {
            throw new ClassifierModelException(source, $"the content is malformed ({e.Message})", e);
        }
    }

    static string VersionOf(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload))[..12];

    static byte[] Payload(ClassifierModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var s = model.Settings;
            writer.Write(s.Features.MaxCharGram);
            writer.Write(s.Features.MaxWordGram);
            writer.Write(s.Features.MaxWordCharGram);
            writer.Write(s.Features.MinDocumentFrequency);
            writer.Write(s.Features.Concepts.Concepts.Count);
            foreach (var concept in s.Features.Concepts.Concepts)
            {
                writer.Write(concept.Name);
                writer.Write(concept.Terms.Count);
                foreach (var term in concept.Terms) writer.Write(term);
            }
            writer.Write(s.Features.ConceptWeight);
            foreach (var head in new[] { s.Category, s.Colour })
            {
                writer.Write(head.L2);
                writer.Write((int)head.Weighting);
            }
            writer.Write(s.CalibrationFolds);
            writer.Write(s.Seed);

            writer.Write(model.Vocabulary.Count);
            for (var i = 0; i < model.Vocabulary.Count; i++)
            {
                writer.Write(model.Vocabulary.Terms[i]);
                writer.Write(model.Vocabulary.Idf[i]);
            }
            WriteHead(writer, model.Category);
            WriteHead(writer, model.Colour);
            WriteHead(writer, model.Joint);
            writer.Write(model.CategoryTemperature);
            writer.Write(model.ColourTemperature);
            writer.Write(model.ConfidenceRule.MinProbability);
            writer.Write(model.ConfidenceRule.MinMargin);
            foreach (var cost in model.ColourCosts.Cost) writer.Write(cost);
        }
        return stream.ToArray();
    }

    static ClassifierModel ReadPayload(BinaryReader reader)
    {
        var features = new FeatureSettings(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32())
            { Concepts = ReadLexicon(reader), ConceptWeight = reader.ReadSingle() };
        var category = new HeadSettings(reader.ReadDouble(), (ClassWeighting)reader.ReadInt32());
        var colour = new HeadSettings(reader.ReadDouble(), (ClassWeighting)reader.ReadInt32());
        var settings = new TrainingSettings(features, category, colour, reader.ReadInt32(), reader.ReadInt32());

        var termCount = reader.ReadInt32();
        if (termCount < 0 || termCount > 10_000_000) throw new InvalidDataException($"term count {termCount}");
        var terms = new string[termCount];
        var idf = new float[termCount];
        for (var i = 0; i < termCount; i++)
        {
            terms[i] = reader.ReadString();
            idf[i] = reader.ReadSingle();
        }
        var vocabulary = new Vocabulary(features, terms, idf);
        var categoryHead = ReadHead(reader, termCount, Enum.GetValues<Category>().Length);
        var colourHead = ReadHead(reader, termCount, Enum.GetValues<Colour>().Length);
        var jointHead = ReadHead(reader, termCount, ScoreBlend.Joint);
        var categoryTemperature = reader.ReadDouble();
        var colourTemperature = reader.ReadDouble();
        var rule = new ConfidenceRule(reader.ReadDouble(), reader.ReadDouble());
        var costs = new ColourCosts(Enumerable.Range(0, 9).Select(_ => reader.ReadDouble()).ToArray());
        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("trailing bytes");
        return new ClassifierModel(settings, vocabulary, categoryHead, colourHead, jointHead, categoryTemperature, colourTemperature, rule, costs);
    }

    static ConceptLexicon ReadLexicon(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 100_000) throw new InvalidDataException($"concept count {count}");
        var concepts = new Concept[count];
        for (var c = 0; c < count; c++)
        {
            var name = reader.ReadString();
            var terms = reader.ReadInt32();
            if (terms < 0 || terms > 100_000) throw new InvalidDataException($"term count {terms} in concept {name}");
            concepts[c] = new Concept(name, Enumerable.Range(0, terms).Select(_ => reader.ReadString()).ToArray());
        }
        try { return new ConceptLexicon(concepts); }
        catch (FormatException e) { throw new InvalidDataException(e.Message, e); }
    }

    static void WriteHead(BinaryWriter writer, LinearHead head)
    {
        writer.Write(head.ClassCount);
        foreach (var w in head.Weights) writer.Write((Half)w);
        foreach (var b in head.Bias) writer.Write((float)b);
    }

    static LinearHead ReadHead(BinaryReader reader, int termCount, int expectedClasses)
    {
        var classes = reader.ReadInt32();
        if (classes != expectedClasses) throw new InvalidDataException($"a head has {classes} classes, expected {expectedClasses}");
        var weights = new double[termCount * classes];
        for (var i = 0; i < weights.Length; i++) weights[i] = (double)reader.ReadHalf();
        var bias = new double[classes];
        for (var i = 0; i < classes; i++) bias[i] = reader.ReadSingle();
        return new LinearHead(classes, weights, bias);
    }
}
