package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResourceTemplate;
import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.api.resource.TemplateVariable;
import dev.delegatemcp.wire.mcp.Resource;
import dev.delegatemcp.wire.mcp.ResourceTemplate;

import org.junit.jupiter.api.Test;

class ResourceDeclarationReaderTest {

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ResourceDeclaration read(Class<?> type, String name) {
        return ResourceDeclarationReader.read(type, method(type, name));
    }

    private static String refusal(Class<?> type, String name) {
        return assertThrows(InvalidResourceException.class, () -> read(type, name)).getMessage();
    }

    // --- accepted declarations -------------------------------------------------------------------------------

    @Test
    void aFixedResourceIsListedWithItsDeclaredMembersAndDefaultsItsNameToTheMethod() {
        var text = (ResourceDeclaration.Fixed) read(TestResources.class, "staticText");
        assertEquals(new Resource("test://static-text", "static-text", "Static text", "A static text resource",
                "text/plain", null), text.descriptor());
        assertEquals(ReturnShape.TEXT, text.returns());
        var binary = (ResourceDeclaration.Fixed) read(TestResources.class, "staticBinary");
        assertEquals(new Resource("test://static-binary", "staticBinary", null, null, "image/png", 4L),
                binary.descriptor());
        assertEquals(ReturnShape.BYTES, binary.returns());
        assertEquals(ReturnShape.CONTENTS, read(TestResources.class, "watchedResource").returns());
        assertEquals(ReturnShape.CONTENTS_LIST, read(TestResources.class, "mixed").returns());
    }

    @Test
    void scopesAndTheCallerParameterAreRead() {
        ResourceDeclaration me = read(TestResources.class, "me");
        assertEquals(Set.of("profile.read"), me.scopes());
        assertEquals(List.of(new ResourceParameter.Caller()), me.parameters());
        assertEquals("dev.delegatemcp.server.feature.resource.TestResources#me(McpCaller)", me.methodReference());
    }

    @Test
    void aTemplateBindsVariablesByAnnotationOrParameterNameAndConvertsThem() {
        var order = (ResourceDeclaration.Templated) read(TestResources.class, "order");
        assertEquals(new ResourceTemplate("test://orders/{number}{?format}", "order", null, null, "text/plain"),
                order.descriptor());
        List<ResourceParameter> parameters = order.parameters();
        assertEquals(3, parameters.size());
        var number = assertInstanceOf(ResourceParameter.Variable.class, parameters.get(0));
        assertEquals("number", number.name());
        assertEquals(42L, number.type().convert("42"));
        var format = assertInstanceOf(ResourceParameter.Variable.class, parameters.get(1));
        assertEquals("format", format.name());
        assertEquals(Optional.of(TestResources.Format.XML), format.type().convert("XML"));
        assertEquals(Optional.empty(), format.type().convert(null));
        assertEquals(new ResourceParameter.Caller(), parameters.get(2));
    }

    @Test
    void credentialParametersAreLeftForTheDownstreamInterceptor() {
        assertEquals(List.of(new ResourceParameter.Credential(), new ResourceParameter.Caller()),
                read(WithCredentials.class, "calendar").parameters());
    }

    public static class WithCredentials {
        @McpResource(uri = "calendar://today")
        public String calendar(DownstreamCredential calendar, McpCaller caller) {
            return "";
        }
    }

    // --- refused declarations ----------------------------------------------------------------------------------

    public static class Broken {
        @McpResource(uri = "relative/path")
        public String relative() {
            return "";
        }

        @McpResource(uri = "test://a b")
        public String space() {
            return "";
        }

        @McpResource(uri = "test://x", mimeType = "text")
        public String badMimeType() {
            return "";
        }

        @McpResource(uri = "test://x", size = -5)
        public String badSize() {
            return "";
        }

        @McpResource(uri = "test://x")
        public int badReturn() {
            return 0;
        }

        @McpResource(uri = "test://x")
        public void nothing() {
        }

        @McpResource(uri = "test://x")
        public List<String> listOfStrings() {
            return List.of();
        }

        @McpResource(uri = "test://x")
        public String argument(String id) {
            return id;
        }

        @McpResource(uri = "test://x")
        String notPublic() {
            return "";
        }

        @McpResource(uri = "test://x")
        public static String isStatic() {
            return "";
        }

        @McpResource(uri = "test://x")
        @McpResourceTemplate(uriTemplate = "test://{x}")
        public String both(String x) {
            return x;
        }

        @McpResourceTemplate(uriTemplate = "test://{a}{b}")
        public String ambiguous(String a, String b) {
            return a + b;
        }

        @McpResourceTemplate(uriTemplate = "test://items/{id}")
        public String unboundVariable() {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "test://items/{id}")
        public String parameterWithoutVariable(String id, String extra) {
            return id + extra;
        }

        @McpResourceTemplate(uriTemplate = "test://items/{id}")
        public String twiceBound(String id, @TemplateVariable("id") String again) {
            return id + again;
        }

        @McpResourceTemplate(uriTemplate = "test://items/{id}")
        public String unsupportedType(Map<String, String> id) {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "test://items{?page}")
        public String primitiveOptional(int page) {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "test://items/{id}")
        public Object unsupportedReturn(String id) {
            return id;
        }
    }

    @Test
    void aUriThatIsNotAbsoluteOrNotAsciiFailsTheDeploymentNamingTheMethod() {
        assertEquals("Resource method dev.delegatemcp.server.feature.resource.ResourceDeclarationReaderTest$Broken"
                + "#relative(): the URI 'relative/path' is not absolute; start it with a scheme such as test://",
                refusal(Broken.class, "relative"));
        assertTrue(refusal(Broken.class, "space").contains("has a space or a character outside ASCII"));
    }

    @Test
    void aBadMimeTypeOrSizeFailsTheDeployment() {
        assertTrue(refusal(Broken.class, "badMimeType").endsWith("the MIME type 'text' is not a MIME type such as"
                + " text/plain"));
        assertTrue(refusal(Broken.class, "badSize").contains("the size -5 is negative"));
    }

    @Test
    void anUnsupportedReturnTypeFailsTheDeploymentSayingWhatIsSupported() {
        String expected = "is unsupported; return String (text), byte[] (a blob), ResourceContents or"
                + " List<ResourceContents>";
        assertTrue(refusal(Broken.class, "badReturn").endsWith("the return type int " + expected));
        assertTrue(refusal(Broken.class, "nothing").contains("the return type void"));
        assertTrue(refusal(Broken.class, "listOfStrings").contains("java.util.List<java.lang.String>"));
        assertTrue(refusal(Broken.class, "unsupportedReturn").startsWith("Resource template method "));
    }

    @Test
    void aFixedResourceTakesNoArgumentOfItsOwn() {
        assertTrue(refusal(Broken.class, "argument").endsWith("parameter 'id' of type String cannot be filled: a"
                + " resource method takes McpCaller, McpRequest, DownstreamCredential, DownstreamCredentials and RemoteMcpServer"
                + " parameters only (template variables need @McpResourceTemplate)"));
    }

    @Test
    void aMethodMustBePublicNotStaticAndOneKindOfResource() {
        assertTrue(refusal(Broken.class, "notPublic").endsWith("a resource method must be public and not static"));
        assertTrue(refusal(Broken.class, "isStatic").endsWith("a resource method must be public and not static"));
        assertTrue(refusal(Broken.class, "both").endsWith("it is annotated both @McpResource and"
                + " @McpResourceTemplate; keep one"));
    }

    @Test
    void aTemplateThatCannotBeMatchedFailsTheDeploymentWithTheReason() {
        assertEquals("Resource template method dev.delegatemcp.server.feature.resource.ResourceDeclarationReaderTest"
                + "$Broken#ambiguous(String, String): the URI template 'test://{a}{b}' cannot be served: the"
                + " expressions {a} and {b} cannot be told apart in a URI; put a literal character between them",
                refusal(Broken.class, "ambiguous"));
    }

    @Test
    void everyTemplateVariableNeedsExactlyOneParameterAndEveryParameterAVariable() {
        assertTrue(refusal(Broken.class, "unboundVariable").endsWith("the template's variable 'id' is bound to no"
                + " parameter; add a parameter named id or annotated @TemplateVariable(\"id\")"));
        assertTrue(refusal(Broken.class, "parameterWithoutVariable").contains("parameter 'extra' binds the variable"
                + " 'extra', which the template does not have (its variables: id)"));
        assertTrue(refusal(Broken.class, "twiceBound").endsWith("parameters 'id' and 'again' both bind the variable"
                + " 'id'"));
    }

    @Test
    void aVariableParameterMustHaveAConvertibleTypeAndAnOptionalVariableNoPrimitive() {
        assertTrue(refusal(Broken.class, "unsupportedType").contains("has type java.util.Map<java.lang.String,"
                + " java.lang.String>, which a template variable cannot fill"));
        assertTrue(refusal(Broken.class, "primitiveOptional").endsWith("parameter 'page' is a primitive, but the URI"
                + " may leave its query or fragment variable 'page' out; use Integer or Optional"));
    }

    // --- across methods (the extension's check) ------------------------------------------------------------------

    public static class Duplicates {
        @McpResource(uri = "test://same")
        public String first() {
            return "";
        }

        @McpResource(uri = "test://same")
        public String second() {
            return "";
        }

        @McpResourceTemplate(uriTemplate = "test://t/{id}")
        public String third(String id) {
            return id;
        }

        @McpResourceTemplate(uriTemplate = "test://t/{id}")
        public ResourceContents fourth(String id) {
            return null;
        }

        @McpResourceTemplate(uriTemplate = "test://same/{id}")
        public String notADuplicateOfAFixedUri(String id) {
            return id;
        }
    }

    @Test
    void aSecondResourceWithTheSameUriOrTemplateFailsTheDeploymentNamingBothMethods() {
        List<ResourceDeclaration> declarations = List.of(read(Duplicates.class, "first"),
                read(Duplicates.class, "second"), read(Duplicates.class, "third"), read(Duplicates.class, "fourth"),
                read(Duplicates.class, "notADuplicateOfAFixedUri"));
        String type = "dev.delegatemcp.server.feature.resource.ResourceDeclarationReaderTest$Duplicates";
        assertEquals(List.of("Resource method " + type + "#second(): the URI 'test://same' is already declared by "
                + type + "#first()",
                "Resource template method " + type + "#fourth(String): the URI template 'test://t/{id}' is already"
                        + " declared by " + type + "#third(String)"),
                ResourceExtension.duplicates(declarations));
    }

    @Test
    void onlyAnnotatedMethodsDeclareResources() {
        assertTrue(ResourceDeclarationReader.declaresResource(method(TestResources.class, "staticText")));
        assertTrue(ResourceDeclarationReader.declaresResource(method(TestResources.class, "templateData")));
        assertFalse(ResourceDeclarationReader.declaresResource(method(TestResources.class, "catalog")));
    }
}
