package vn.tracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void foldsDiacriticsCaseAndDStroke() {
        assertThat(TextFolding.fold("Quá hạn")).isEqualTo("qua han");
        assertThat(TextFolding.fold("Đề án 06")).isEqualTo("de an 06");
        assertThat(TextFolding.fold("Phần mềm  để phục vụ")).isEqualTo("phan mem de phuc vu");
        assertThat(TextFolding.fold("ĐỊNH DANH điện tử")).isEqualTo("dinh danh dien tu");
    }

    @Test
    void composedAndDecomposedInputFoldAlike() {
        String nfd = java.text.Normalizer.normalize("Thủ tục hành chính", java.text.Normalizer.Form.NFD);
        assertThat(TextFolding.fold(nfd)).isEqualTo(TextFolding.fold("Thủ tục hành chính"));
    }

    @Test
    void likePatternEscapesWildcards() {
        assertThat(TextFolding.likePattern("100%_x")).isEqualTo("%100!%!_x%");
    }
}
