package io.dealwire.index.analysis;

import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.search.Hit;
import io.dealwire.index.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

class LanguageAnalysisTest {
    static final Viewer ADMIN = new Viewer("u-admin", Role.ADMIN, Set.of());

    @TempDir
    Path dir;

    List<String> find(MessageIndex index, String q) {
        return index.search(SearchRequest.of(q), ADMIN).hits().stream().map(Hit::id).sorted().toList();
    }

    @Test
    void foldedAndStemmedFormsMeet() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            index.index(message("fr1", "Devis", "Voici le devis demandé.", "a@b.fr", "2024-01-01T00:00:00Z").with(b -> b.language = "fr"));
            index.index(message("fr2", "Relance", "Le dévis est joint.", "a@b.fr", "2024-01-02T00:00:00Z").with(b -> b.language = "fr"));
            index.index(message("fr3", "Nos offres", "Toutes nos offres sont valables un mois.", "a@b.fr", "2024-01-03T00:00:00Z").with(b -> b.language = "fr"));
            index.index(message("fr4", "Suite", "Merci pour l'offre, nous revenons vers vous.", "a@b.fr", "2024-01-04T00:00:00Z").with(b -> b.language = "fr"));
            index.index(message("en1", "Order", "They are signing the order today.", "a@b.com", "2024-01-05T00:00:00Z").with(b -> b.language = "en"));
            index.index(message("en2", "Pricing", "The DEVIS word in English mail is still found.", "a@b.com", "2024-01-06T00:00:00Z").with(b -> b.language = "en"));
            index.index(message("und", "Hello", "Contract signed.", "a@b.com", "2024-01-07T00:00:00Z"));
            index.refresh();

            assertEquals(List.of("en2", "fr1", "fr2"), find(index, "devis"));
            assertEquals(List.of("en2", "fr1", "fr2"), find(index, "Dévis"));
            assertEquals(List.of("fr3", "fr4"), find(index, "offre"));
            assertEquals(List.of("fr3", "fr4"), find(index, "offres"));
            assertEquals(List.of("fr3", "fr4"), find(index, "l'offre"));
            assertEquals(List.of("en1", "und"), find(index, "signed"));
            assertEquals(List.of("en1", "und"), find(index, "signing"));
        }
    }

    @Test
    void snippetsHighlightStemmedAndFoldedMatches() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            index.index(message("en1", "Order", "They are signing the order today.", "a@b.com", "2024-01-05T00:00:00Z").with(b -> b.language = "en"));
            index.index(message("fr2", "Relance", "Le dévis est joint.", "a@b.fr", "2024-01-02T00:00:00Z").with(b -> b.language = "fr"));
            index.refresh();
            var en = index.search(SearchRequest.of("signed"), ADMIN).hits().getFirst();
            assertTrue(en.snippet().contains("<mark>signing</mark>"), en.snippet());
            var fr = index.search(SearchRequest.of("devis"), ADMIN).hits().getFirst();
            assertTrue(fr.snippet().contains("<mark>dévis</mark>"), fr.snippet());
        }
    }

    @Test
    void aMessageWithoutLanguageIsDetectedAndStemmedAccordingly() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            index.index(message("fr", "Suite", "Bonjour, nous vous envoyons nos offres pour le projet.", "a@b.fr", "2024-01-01T00:00:00Z"));
            index.refresh();
            assertEquals(List.of("fr"), find(index, "offre"));
            assertEquals(List.of("fr"), find(index, "lang:fr"));
        }
    }
}
