package com.landki.interview.classify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void lowerCasesAndStripsAccents() {
        assertThat(Folding.normalize("Éléonore À ÇA")).isEqualTo("eleonore a ca");
    }

    @Test
    void umlautDigraphAndPlainVowelFoldAlike() {
        assertThat(Folding.normalize("Zuständigkeit"))
                .isEqualTo(Folding.normalize("Zustaendigkeit"))
                .isEqualTo(Folding.normalize("Zustandigkeit"))
                .isEqualTo("zustandigkeit");
        assertThat(Folding.normalize("ÜBER")).isEqualTo(Folding.normalize("ueber")).isEqualTo("uber");
    }

    @Test
    void sharpSIsDoubleS() {
        assertThat(Folding.normalize("außerhalb")).isEqualTo(Folding.normalize("AUSSERHALB"))
                .isEqualTo(Folding.normalize("auẞerhalb")).isEqualTo("ausserhalb");
    }

    @Test
    void foldsRunsOfWhitespaceAndPunctuationIntoOneSpace() {
        assertThat(Folding.normalize("  keine,\n\t Informationen -- dazu!  ")).isEqualTo("keine informationen dazu");
    }

    @Test
    void dropsApostrophesCombiningMarksAndInvisibleCharacters() {
        assertThat(Folding.normalize("don’t can't")).isEqualTo("dont cant");
        assertThat(Folding.normalize("e\u0301te\u0301")).isEqualTo("ete");
        assertThat(Folding.normalize("Infor\u00ADmatio\u200Bnen")).isEqualTo("informationen");
    }

    @Test
    void keepsOtherScriptsAsLetters() {
        assertThat(Folding.normalize("ΚΑΛΗΜΈΡΑ мир 123")).isEqualTo("καλημερα мир 123");
    }
}
