//! The desk's colours, in one place: the states a clerk reads at a glance (done, running,
//! warning, failed) as filled badges whose text contrasts with the fill in light and dark mode,
//! so a badge reads the same on a plain row and on the blue selection.

use egui::Color32;

/// What a colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Nothing happened yet (a new row).
    Neutral,
    /// Under way, or this clerk's.
    Info,
    /// Needs a look: another clerk's, interrupted.
    Warning,
    /// Failed.
    Danger,
    /// Done.
    Success,
}

/// The fill of a badge of `tone` (WCAG contrast ≥ 4.5:1 against [`on_fill`]).
pub fn fill(tone: Tone, dark_mode: bool) -> Color32 {
    match (tone, dark_mode) {
        (Tone::Neutral, false) => Color32::from_rgb(0x5f, 0x63, 0x68),
        (Tone::Neutral, true) => Color32::from_rgb(0x4a, 0x4e, 0x54),
        (Tone::Info, _) => Color32::from_rgb(0x1a, 0x5f, 0xb4),
        (Tone::Warning, _) => Color32::from_rgb(0x8a, 0x4b, 0x00),
        (Tone::Danger, _) => Color32::from_rgb(0xb0, 0x1e, 0x2e),
        (Tone::Success, _) => Color32::from_rgb(0x1e, 0x6b, 0x3a),
    }
}

/// The text on a badge.
pub fn on_fill() -> Color32 {
    Color32::WHITE
}

/// The text colour of `tone` on the panel's own background (a message, not a badge).
pub fn text(tone: Tone, visuals: &egui::Visuals) -> Color32 {
    match tone {
        Tone::Neutral => visuals.text_color(),
        Tone::Info => {
            if visuals.dark_mode {
                Color32::from_rgb(0x7e, 0xb6, 0xff)
            } else {
                fill(Tone::Info, false)
            }
        }
        Tone::Warning => visuals.warn_fg_color,
        Tone::Danger => visuals.error_fg_color,
        Tone::Success => {
            if visuals.dark_mode {
                Color32::from_rgb(0x6f, 0xcf, 0x8f)
            } else {
                fill(Tone::Success, false)
            }
        }
    }
}

/// The contrast ratio of two colours (WCAG 2), 1 to 21.
#[cfg(test)]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (x, y) = (luminance(a) + 0.05, luminance(b) + 0.05);
    if x > y { x / y } else { y / x }
}

#[cfg(test)]
mod tests {
    use super::{Tone, contrast, fill, on_fill};

    /// Red "epäonnistui" text on the blue selection was hard to read; a filled badge reads on
    /// any row.
    #[test]
    fn every_badge_reads_at_aa_contrast_in_light_and_dark_mode() {
        for dark in [false, true] {
            for tone in [Tone::Neutral, Tone::Info, Tone::Warning, Tone::Danger, Tone::Success] {
                let ratio = contrast(fill(tone, dark), on_fill());
                assert!(ratio >= 4.5, "{tone:?} dark={dark}: {ratio:.2}");
            }
        }
        // The old red text on egui's light selection blue.
        let old = contrast(egui::Visuals::light().error_fg_color, egui::Visuals::light().selection.bg_fill);
        assert!(old < 4.5, "{old:.2}");
    }
}
