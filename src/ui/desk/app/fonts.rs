//! The desk's fonts: the PDF's own Liberation Sans before egui's.

use std::sync::Arc;

use super::DeskApp;

impl DeskApp {
    /// Uses Liberation Sans (the PDF's font, which covers Finnish, Swedish and the symbols the
    /// desk shows) before egui's own fonts.
    pub fn install_fonts(ctx: &egui::Context) {
        let mut fonts = egui::FontDefinitions::default();
        for (name, data) in [
            ("liberation-sans", &include_bytes!("../../../../assets/fonts/LiberationSans-Regular.ttf")[..]),
            ("liberation-sans-bold", &include_bytes!("../../../../assets/fonts/LiberationSans-Bold.ttf")[..]),
        ] {
            fonts.font_data.insert(name.to_owned(), Arc::new(egui::FontData::from_static(data)));
        }
        if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
            family.insert(0, "liberation-sans".to_owned());
        }
        ctx.set_fonts(fonts);
    }
}
