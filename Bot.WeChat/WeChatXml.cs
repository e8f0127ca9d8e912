using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bot.WeChat;

// The one place that reads and writes WeChat XML, so every document gets the same safe settings.
static class WeChatXml
{
    static readonly XmlReaderSettings ReaderSettings = new()
    {
        // Callback bodies come from the network: no DTDs, no external entities (XXE, billion laughs), §13.19.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(false),
    };

    // throws XmlException: The text is not well-formed or declares a DTD.
    public static XElement Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
        return XElement.Load(reader);
    }

    public static string Write(Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            writer.WriteStartElement("xml");
            body(writer);
            writer.WriteEndElement();
        }
        return text.ToString();
    }

    // Writes a CDATA element; the writer splits a literal "]]>" into two sections instead of breaking.
    public static void WriteCData(this XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        writer.WriteCData(value);
        writer.WriteEndElement();
    }

    public static void WriteNumber(this XmlWriter writer, string name, long value)
    {
        writer.WriteStartElement(name);
        writer.WriteValue(value);
        writer.WriteEndElement();
    }

    // Element names compared ignoring case: the platform spells MsgId/MsgID and MenuId/MenuID both ways.
    public static XElement? Child(this XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));

    public static string? ChildText(this XElement parent, string name) => parent.Child(name)?.Value;
}
