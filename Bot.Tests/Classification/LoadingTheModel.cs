using System.IO.Compression;
using Bot.Domain.Classification;
using Bot.Domain.Classification.Training;

namespace Bot.Tests.Classification;

public sealed class LoadingTheModel : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("classifier-model-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(byte[] bytes)
    {
        var path = Path.Combine(folder, "model.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static byte[] Committed() => File.ReadAllBytes(Repository.Model);

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var path = Path.Combine(folder, "nowhere.bin");

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("does not exist", e.Reason);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_corrupt()
    {
        var bytes = Committed();
        var path = Write(bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("corrupt", e.Reason);
    }

    [Fact]
    public void A_changed_byte_is_reported_as_corrupt()
    {
        var bytes = Committed();
        bytes[bytes.Length / 2] ^= 0x40;

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(Write(bytes)));

        Assert.Contains("corrupt", e.Reason);
    }

    // A few hundred kilobytes that would unpack to 300 MB must be refused before they take the memory.
    [Fact]
    public void A_file_that_unpacks_to_far_more_than_a_model_is_refused()
    {
        using var file = new MemoryStream();
        file.Write("DCLF"u8);
        file.Write(Committed().AsSpan(4, 4));
        using (var zlib = new ZLibStream(file, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var megabyte = 0; megabyte < 300; megabyte++) zlib.Write(zeros);
        }
        file.Write(new byte[32]);

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(Write(file.ToArray())));

        Assert.Contains("unpacks to more than 256 MB", e.Reason);
    }

    [Fact]
    public void Another_kind_of_file_is_refused()
    {
        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(Write("{\"weights\": []}"u8.ToArray())));

        Assert.Contains("not a demand classifier model", e.Reason);
    }

    [Fact]
    public void A_model_from_another_format_version_asks_for_retraining()
    {
        var bytes = Committed();
        BitConverter.GetBytes(99).CopyTo(bytes, 4);

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(Write(bytes)));

        Assert.Contains("format version 99", e.Reason);
    }

    // The checksum only proves the bytes are the ones written: a model written with a broken network
    // must still be refused by name, not served.
    [Fact]
    public void A_network_weight_that_is_not_a_number_is_refused()
    {
        var model = ModelFile.Read(Repository.Model).Model;
        var broken = model with { Network = model.Network with { HiddenBias = [.. model.Network.HiddenBias.Select(_ => float.NaN)] } };

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(Write(ModelFile.ToBytes(broken))));

        Assert.Contains("malformed (a network weight of NaN)", e.Reason);
    }

    [Fact]
    public void A_hidden_layer_that_does_not_fill_whole_vectors_is_refused()
    {
        var model = ModelFile.Read(Repository.Model).Model;
        var broken = model with { Settings = model.Settings with { Network = model.Settings.Network with { Hidden = 12 } } };

        var e = Assert.Throws<ClassifierModelException>(() => DemandClassifier.Load(Write(ModelFile.ToBytes(broken))));

        Assert.Contains("12 hidden units", e.Reason);
    }

    [Fact]
    public void Every_classification_carries_the_version_of_the_loaded_model()
    {
        var classifier = DemandClassifier.Load(Repository.Model);

        var result = classifier.Classify("路灯不亮了");

        Assert.Matches("^[0-9a-f]{12}$", classifier.Version);
        Assert.Equal(classifier.Version, result.ModelVersion);
        Assert.Equal(classifier.Version, DemandClassifier.FromModel(classifier.Model).Version);
    }

    [Fact]
    public void Classifying_from_many_threads_gives_the_same_answers_as_one()
    {
        var classifier = DemandClassifier.Load(Repository.Model);
        var texts = File.ReadLines(Repository.HeldOutCorpus).Skip(1).Select(l => l.Split('\t')[0]).ToArray();

        var sequential = texts.Select(classifier.Classify).ToArray();
        var parallel = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(classifier.Classify).ToArray();

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Configured_thresholds_override_the_rule_stored_in_the_model()
    {
        var options = new ClassifierOptions { ModelPath = Repository.Model, MinProbability = 1.01 };

        var strict = DemandClassifier.Load(options);

        Assert.False(strict.Classify("路灯不亮了").IsConfident);
        Assert.Equal(DemandClassifier.Load(Repository.Model).Rule.MinMargin, strict.Rule.MinMargin);
    }
}
