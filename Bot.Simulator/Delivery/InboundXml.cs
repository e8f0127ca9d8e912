using System.Globalization;
using System.Text;
using System.Xml;

namespace Bot.Simulator.Delivery;

// Writes callback XML the way the platform does (§2): strings in CDATA, numbers bare.
public static class InboundXml
{
    static readonly XmlWriterSettings Settings = new() { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) };

    // fields: Element name → value; strings go in CDATA, numbers as they are, null is left out.
    public static string Build(string toUserName, string fromUserName, DateTimeOffset createTime, string msgType,
        params (string Name, object? Value)[] fields)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, Settings))
        {
            w.WriteStartElement("xml");
            Cdata(w, "ToUserName", toUserName);
            Cdata(w, "FromUserName", fromUserName);
            w.WriteElementString("CreateTime", createTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            Cdata(w, "MsgType", msgType);
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case null:
                        break;
                    case string s:
                        Cdata(w, name, s);
                        break;
                    case IFormattable number:
                        w.WriteElementString(name, number.ToString(null, CultureInfo.InvariantCulture));
                        break;
                }
            }
            w.WriteEndElement();
        }
        return text.ToString();
    }

    // The safe-mode envelope (§1.4).
    public static string SafeEnvelope(string toUserName, string encrypt) =>
        $"<xml><ToUserName><![CDATA[{toUserName}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

    // Compatible mode: the plaintext plus its encrypted copy (§1.4).
    public static string WithEncryptedCopy(string xml, string encrypt) =>
        xml.Insert(xml.LastIndexOf("</xml>", StringComparison.Ordinal), $"<Encrypt><![CDATA[{encrypt}]]></Encrypt>");

    static void Cdata(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name);
        w.WriteCData(value);
        w.WriteEndElement();
    }
}
