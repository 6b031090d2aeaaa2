//! The desk's fonts: the PDF's own faces (Liberation Sans, then its Arabic, Thai, emoji and symbol
//! fallbacks) around egui's, so that the desk shows what the PDF prints.

use std::sync::Arc;

use super::DeskApp;

impl DeskApp {
    /// Uses Liberation Sans (the PDF's font, which covers Finnish, Swedish and the symbols the
    /// desk shows) before egui's own fonts, and the PDF's Arabic, Thai, emoji and symbol faces after
    /// them (egui shapes with harfrust too, so Arabic joins in the desk as in the PDF).
    pub fn install_fonts(ctx: &egui::Context) {
        let mut fonts = egui::FontDefinitions::default();
        // The PDF's own bytes, not a second copy of them.
        use crate::pdf::faces::{ARABIC, BOLD, EMOJI, REGULAR, SYMBOLS, THAI};
        for (name, data) in [
            ("liberation-sans", REGULAR),
            ("liberation-sans-bold", BOLD),
            ("noto-sans-arabic", ARABIC),
            ("noto-sans-thai", THAI),
            ("noto-emoji", EMOJI),
            ("dejavu-sans-symbols", SYMBOLS),
        ] {
            fonts.font_data.insert(name.to_owned(), Arc::new(egui::FontData::from_static(data)));
        }
        if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            family.insert(0, "liberation-sans".to_owned());
            family
                .extend(["noto-sans-arabic", "noto-sans-thai", "noto-emoji", "dejavu-sans-symbols"].map(str::to_owned));
        }
        ctx.set_fonts(fonts);
    }
}
