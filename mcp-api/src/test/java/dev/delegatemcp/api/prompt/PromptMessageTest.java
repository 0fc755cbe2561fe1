package dev.delegatemcp.api.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.api.Content;

import org.junit.jupiter.api.Test;

class PromptMessageTest {

    @Test
    void theFactoriesSetTheRoleAndMakeTextContentFromAString() {
        assertEquals(new PromptMessage(PromptMessage.Role.USER, new Content.Text("hi")), PromptMessage.user("hi"));
        assertEquals(new PromptMessage(PromptMessage.Role.ASSISTANT, new Content.Text("ok")),
                PromptMessage.assistant("ok"));
        Content image = Content.image(new byte[] {1}, "image/png");
        assertEquals(PromptMessage.Role.ASSISTANT, PromptMessage.assistant(image).role());
        assertEquals(image, PromptMessage.user(image).content());
    }

    @Test
    void aMessageNeedsARoleAndContent() {
        assertThrows(NullPointerException.class, () -> new PromptMessage(null, Content.text("x")));
        assertThrows(NullPointerException.class, () -> new PromptMessage(PromptMessage.Role.USER, null));
    }

    @Test
    void aResponseCopiesItsMessagesAndHasNoDescriptionUnlessGivenOne() {
        List<PromptMessage> messages = new ArrayList<>(List.of(PromptMessage.user("a")));
        PromptResponse response = new PromptResponse("d", messages);
        messages.add(PromptMessage.user("b"));
        assertEquals(1, response.messages().size());
        assertNull(PromptResponse.of(PromptMessage.user("a")).description());
    }
}
