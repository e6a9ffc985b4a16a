using Pinger.Core.Discovery;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Tests.Discovery;

[TestClass]
public sealed class PluginExceptionTextTests
{
    [TestMethod]
    public void An_exception_thrown_by_plugin_code_is_told_by_its_type_only()
    {
        var thrown = Catch(() => throw new InvalidOperationException("cannot read node-17.planted.example: token PLANTED-SECRET"));

        var text = PluginExceptionText.Describe(thrown);

        Assert.AreEqual("threw InvalidOperationException (the plugin's exception message is not shown)", text);
    }

    [TestMethod]
    public void A_declaration_the_SDK_refuses_keeps_the_SDK_sentence_so_the_vendor_can_fix_it()
    {
        var thrown = Catch(() => _ = FieldDeclaration.Boolean("Bad Name", MetricsLevel.Full, "A flag."));

        var text = PluginExceptionText.Describe(thrown);

        Assert.AreEqual("ArgumentException: " + thrown.Message, text);
        StringAssert.Contains(text, "must match");
    }

    [TestMethod]
    public void A_wrapped_exception_is_told_by_the_type_of_the_one_inside()
    {
        var inner = Catch(() => throw new FormatException("PLANTED-SECRET"));

        var text = PluginExceptionText.Describe(new System.Reflection.TargetInvocationException(new AggregateException(inner)));

        Assert.AreEqual("threw FormatException (the plugin's exception message is not shown)", text);
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new AssertFailedException("nothing was thrown");
    }
}
