//! A drawn page of a PDF or an image with page navigation, zoom and fit to width; used for the
//! form PDF and for attachments.

use std::sync::Arc;

use crate::i18n::Texts;
use crate::plain::Told;

/// How a preview page is scaled.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Zoom {
    /// As wide as the panel.
    FitWidth,
    /// This share of the drawn size.
    Factor(f32),
}

/// A drawn page of a PDF or an image (a clone shares the texture and the file).
#[derive(Clone)]
pub struct PageState {
    /// The transaction.
    pub transaction_id: String,
    /// Whose page: `None` for the form PDF, else the attachment's id.
    pub attachment_id: Option<String>,
    /// The file, or why it could not be fetched.
    pub bytes: Result<Arc<Vec<u8>>, Told>,
    /// Page shown, from 1.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
    /// The width in pixels it was drawn for (see [`drawing_width`]).
    pub width: u32,
    /// The drawn page, or the error.
    pub texture: Result<egui::TextureHandle, Told>,
}

/// What the clerk asked of the page view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageCommand {
    /// Show this page.
    GoTo(usize),
}

/// The narrowest a fitted page is drawn, in points: an A4 page at this width shows 10 pt text
/// about 10 px high.
pub const READABLE_WIDTH: f32 = 600.0;

/// The message of a file the desk does not preview (a DOCX): a notice, not an error.
const NOT_PREVIEWED: &str = "preview-unsupported";

/// Draws `state` with its toolbar; `alt` names the picture for screen readers. A page that could
/// not be drawn shows why, without page or zoom buttons that would do nothing.
pub fn show(ui: &mut egui::Ui, t: &Texts, state: &PageState, zoom: &mut Zoom, alt: &str) -> Option<PageCommand> {
    let texture = match &state.texture {
        Ok(texture) => texture.clone(),
        Err(error) if error.plain.id == NOT_PREVIEWED => {
            ui.label(t.say(&error.plain));
            return None;
        }
        Err(error) => {
            super::told(ui, t, "page-error", error);
            return None;
        }
    };
    let (page, pages) = (state.page, state.pages);
    let mut command = None;
    // Fitted, but never narrower than readable: a narrow window clips the page, and "fit to
    // width" then fits it to what shows, smaller than readable, if the clerk asks.
    let available = ui.available_width();
    let clipped = *zoom == Zoom::FitWidth && available < READABLE_WIDTH;
    ui.horizontal_wrapped(|ui| {
        if ui.add_enabled(page > 1, egui::Button::new(t.get("page-previous"))).clicked() {
            command = Some(PageCommand::GoTo(page - 1));
        }
        ui.label(t.with("page-of", &[("page", page.into()), ("pages", pages.into())]));
        if ui.add_enabled(page < pages, egui::Button::new(t.get("page-next"))).clicked() {
            command = Some(PageCommand::GoTo(page + 1));
        }
        ui.separator();
        let factor = match *zoom {
            Zoom::FitWidth => None,
            Zoom::Factor(f) => Some(f),
        };
        if ui.button(t.get("zoom-out")).clicked() {
            *zoom = Zoom::Factor((factor.unwrap_or(1.0) / 1.25).max(0.25));
        }
        if let Some(f) = factor {
            ui.label(format!("{:.0} %", f * 100.0));
        }
        if ui.button(t.get("zoom-in")).clicked() {
            *zoom = Zoom::Factor((factor.unwrap_or(1.0) * 1.25).min(4.0));
        }
        if ui.add_enabled(factor.is_some() || clipped, egui::Button::new(t.get("zoom-fit-width"))).clicked() {
            *zoom = if clipped { Zoom::Factor((available / PAPER_WIDTH).max(0.25)) } else { Zoom::FitWidth };
        }
    });
    let scroll = match *zoom {
        Zoom::FitWidth if ui.available_width() >= READABLE_WIDTH => egui::ScrollArea::vertical(),
        Zoom::FitWidth | Zoom::Factor(_) => egui::ScrollArea::both(),
    };
    scroll.id_salt(alt).auto_shrink([false, false]).show(ui, |ui| {
        ui.add(egui::Image::new((texture.id(), scaled(ui, &texture, *zoom))).alt_text(alt));
    });
    command
}

/// Points an A4 page is wide at 100 %: about as wide as on paper.
const PAPER_WIDTH: f32 = 792.0;

/// Steps of the drawn width: a window resized within a step is not drawn again.
const DRAWING_STEP: f32 = 50.0;

/// The narrowest and widest a page is drawn, in pixels.
const DRAWN: std::ops::RangeInclusive<f32> = 600.0..=2400.0;

/// How wide, in points, a page is shown with `available` points beside it.
pub fn shown_width(available: f32, zoom: Zoom) -> f32 {
    match zoom {
        // Never so narrow that the text cannot be read: scroll sideways instead.
        Zoom::FitWidth => available.max(READABLE_WIDTH),
        Zoom::Factor(f) => PAPER_WIDTH * f,
    }
}

/// The width in pixels to draw a page shown `points` wide at `pixels_per_point`: what the screen
/// shows, rounded up to a step of 50 px, from 600 to 2400 px. Pages are drawn as sharp as shown
/// and no larger: at 1920×1080 a form page is drawn 1050 px wide, 6.2 MB of texture (it was
/// 1200 px, 8.1 MB).
pub fn drawing_width(points: f32, pixels_per_point: f32) -> u32 {
    let pixels = (points * pixels_per_point).max(1.0);
    ((pixels / DRAWING_STEP).ceil() * DRAWING_STEP).clamp(*DRAWN.start(), *DRAWN.end()) as u32
}

/// The size `texture` is shown at in `ui`.
fn scaled(ui: &egui::Ui, texture: &egui::TextureHandle, zoom: Zoom) -> egui::Vec2 {
    let size = texture.size_vec2();
    let width = shown_width(ui.available_width(), zoom);
    egui::vec2(width, size.y * width / size.x.max(1.0))
}

/// Draws `state`'s page dimmed and inert, where the next page will be: what the clerk saw stays
/// until the next page is drawn, instead of a blank frame. Nothing is drawn for a page that
/// could not be drawn.
pub fn show_stale(ui: &mut egui::Ui, state: &PageState, zoom: Zoom, alt: &str) {
    let Ok(texture) = &state.texture else { return };
    ui.scope(|ui| {
        ui.disable();
        ui.multiply_opacity(0.35);
        egui::ScrollArea::vertical().id_salt("stale page").auto_shrink([false, false]).show(ui, |ui| {
            ui.add(egui::Image::new((texture.id(), scaled(ui, texture, zoom))).alt_text(alt));
        });
    });
}
