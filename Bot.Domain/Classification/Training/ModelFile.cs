using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Classification.Features;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Training;

// The model file: "DCLF", a format version, the payload compressed with zlib, and the SHA-256 of the
// payload. Weights are stored as 8-bit steps of a scale per feature and biases in single precision
// (LinearHead.Quantised: the trainer rounds them the same way), so training is reproducible byte for
// byte; zlib then takes off about 40% (the sorted terms and the lexicon are text). The model version
// is the start of the payload's hash: any change to the content changes it, however it is compressed.
// The concept lexicon travels inside, so a model always matches concepts as it was trained to.
// Format 1 had no joint head, format 2 no lexicon, format 3 kept half-precision weights uncompressed,
// format 4 had a category head and no network.
public static class ModelFile
{
    const int FormatVersion = 5;
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
        using (var zlib = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(payload);
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
        var payload = Decompress(new MemoryStream(bytes, 8, bytes.Length - 8 - 32, writable: false), source);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new ClassifierModelException(source, "the content does not match its checksum (truncated or corrupt)");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            return (ReadPayload(reader), VersionOf(payload));
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidDataException)
        {
            throw new ClassifierModelException(source, $"the content is malformed ({e.Message})", e);
        }
    }

    // A model holds tens of thousands of terms, not millions: a payload past this is no model of ours.
    const int MaxPayloadBytes = 256 << 20;

    static byte[] Decompress(Stream compressed, string source)
    {
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            using var payload = new MemoryStream();
            var buffer = new byte[81920];
            for (int read; (read = zlib.Read(buffer)) > 0;)
            {
                if (payload.Length + read > MaxPayloadBytes) throw new InvalidDataException($"it unpacks to more than {MaxPayloadBytes >> 20} MB");
                payload.Write(buffer, 0, read);
            }
            return payload.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ClassifierModelException(source, $"the content is truncated or corrupt ({e.Message})", e);
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
            foreach (var head in new[] { s.Joint, s.Colour })
            {
                writer.Write(head.L2);
                writer.Write((int)head.Weighting);
            }
            WriteNetworkSettings(writer, s.Network);
            writer.Write(s.CalibrationFolds);
            writer.Write(s.Seed);

            writer.Write(model.Vocabulary.Count);
            for (var i = 0; i < model.Vocabulary.Count; i++)
            {
                writer.Write(model.Vocabulary.Terms[i]);
                writer.Write(model.Vocabulary.Idf[i]);
            }
            WriteHead(writer, model.Colour);
            WriteHead(writer, model.Joint);
            WriteNetwork(writer, model.Network);
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
        var joint = new HeadSettings(reader.ReadDouble(), (ClassWeighting)reader.ReadInt32());
        var colour = new HeadSettings(reader.ReadDouble(), (ClassWeighting)reader.ReadInt32());
        var settings = new TrainingSettings(features, joint, colour, ReadNetworkSettings(reader), reader.ReadInt32(), reader.ReadInt32());

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
        var colourHead = ReadHead(reader, termCount, Enum.GetValues<Colour>().Length);
        var jointHead = ReadHead(reader, termCount, ScoreBlend.Joint);
        var network = ReadNetwork(reader, termCount, settings.Network.Hidden);
        var categoryTemperature = reader.ReadDouble();
        var colourTemperature = reader.ReadDouble();
        var rule = new ConfidenceRule(reader.ReadDouble(), reader.ReadDouble());
        var costs = new ColourCosts(Enumerable.Range(0, 9).Select(_ => reader.ReadDouble()).ToArray());
        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("trailing bytes");
        return new ClassifierModel(settings, vocabulary, colourHead, jointHead, network, categoryTemperature, colourTemperature, rule, costs);
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

    static void WriteNetworkSettings(BinaryWriter writer, NetworkSettings network)
    {
        writer.Write(network.MinDocumentFrequency);
        writer.Write(network.Hidden);
        writer.Write(network.Epochs);
        writer.Write(network.LearningRate);
        writer.Write(network.Dropout);
        writer.Write(network.BlendWeight);
    }

    static NetworkSettings ReadNetworkSettings(BinaryReader reader)
    {
        var network = new NetworkSettings(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        if (network.Hidden <= 0 || network.Hidden % 8 != 0 || network.Hidden > 4096) throw new InvalidDataException($"{network.Hidden} hidden units");
        if (network.BlendWeight is < 0 or > 1) throw new InvalidDataException($"a network blend weight of {network.BlendWeight}");
        return network;
    }

    // The inputs' term ids ascend, so each is written as its gap from the one before, then each
    // input's scale and steps, then the dense layers.
    static void WriteNetwork(BinaryWriter writer, NetworkHead network)
    {
        writer.Write(network.InputCount);
        var previous = -1;
        for (var term = 0; term < network.InputOf.Length; term++)
        {
            if (network.InputOf[term] < 0) continue;
            writer.Write7BitEncodedInt(term - previous);
            previous = term;
        }
        for (var input = 0; input < network.InputCount; input++)
        {
            writer.Write(network.InputScales[input]);
            foreach (var step in network.InputSteps.AsSpan(input * network.Hidden, network.Hidden)) writer.Write(step);
        }
        foreach (var value in network.HiddenBias) writer.Write(value);
        foreach (var value in network.OutputWeights) writer.Write(value);
        foreach (var value in network.OutputBias) writer.Write(value);
    }

    static NetworkHead ReadNetwork(BinaryReader reader, int termCount, int hidden)
    {
        var inputCount = reader.ReadInt32();
        if (inputCount < 0 || inputCount > termCount) throw new InvalidDataException($"{inputCount} network inputs for {termCount} terms");
        var inputOf = new int[termCount];
        Array.Fill(inputOf, -1);
        var term = -1;
        for (var input = 0; input < inputCount; input++)
        {
            var gap = reader.Read7BitEncodedInt();
            if (gap <= 0 || gap > termCount - 1 - term) throw new InvalidDataException($"network input {input} points past the dictionary");
            term += gap;
            inputOf[term] = input;
        }
        var scales = new float[inputCount];
        var steps = new sbyte[inputCount * hidden];
        for (var input = 0; input < inputCount; input++)
        {
            scales[input] = reader.ReadSingle();
            if (!float.IsFinite(scales[input]) || scales[input] < 0) throw new InvalidDataException($"a weight scale of {scales[input]}");
            for (var u = 0; u < hidden; u++) steps[input * hidden + u] = reader.ReadSByte();
        }
        var classes = Enum.GetValues<Category>().Length;
        return new NetworkHead(inputOf, hidden, steps, scales, ReadSingles(reader, hidden), ReadSingles(reader, classes * hidden), ReadSingles(reader, classes));
    }

    static float[] ReadSingles(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
            if (!float.IsFinite(values[i] = reader.ReadSingle())) throw new InvalidDataException($"a network weight of {values[i]}");
        return values;
    }

    static void WriteHead(BinaryWriter writer, LinearHead head)
    {
        writer.Write(head.ClassCount);
        var steps = new sbyte[head.ClassCount];
        for (var at = 0; at < head.Weights.Length; at += head.ClassCount)
        {
            writer.Write(QuantisedRow.Quantise(head.Weights.AsSpan(at, head.ClassCount), steps));
            foreach (var step in steps) writer.Write(step);
        }
        foreach (var b in head.Bias) writer.Write((float)b);
    }

    static LinearHead ReadHead(BinaryReader reader, int termCount, int expectedClasses)
    {
        var classes = reader.ReadInt32();
        if (classes != expectedClasses) throw new InvalidDataException($"a head has {classes} classes, expected {expectedClasses}");
        var weights = new double[termCount * classes];
        var steps = new sbyte[classes];
        for (var at = 0; at < weights.Length; at += classes)
        {
            var scale = reader.ReadSingle();
            if (!float.IsFinite(scale) || scale < 0) throw new InvalidDataException($"a weight scale of {scale}");
            for (var k = 0; k < classes; k++) steps[k] = reader.ReadSByte();
            QuantisedRow.Expand(scale, steps, weights.AsSpan(at, classes));
        }
        var bias = new double[classes];
        for (var i = 0; i < classes; i++) bias[i] = reader.ReadSingle();
        return new LinearHead(classes, weights, bias);
    }
}
