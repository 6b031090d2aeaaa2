//! One inbox row: the title on the first line, when, who and how many attachments on the
//! second, and the state as a filled badge. Each line is cut to the panel's width with "…", so a
//! long title or a longer badge after filing never widens the panel, and the badge reads on the
//! blue selection as well as on a plain row.

use egui::text::{LayoutJob, TextWrapping};
use egui::{FontId, Sense, TextFormat};

use crate::ui::widgets::tokens::{self, Tone};

/// What one row shows.
pub struct Row<'a> {
    /// The title.
    pub title: &'a str,
    /// When, who, how many attachments.
    pub meta: &'a str,
    /// The state's word.
    pub badge: &'a str,
    /// What the state says.
    pub tone: Tone,
    /// Badges before the state's: the deadline (overdue, due soon), secret, henkilötunnus,
    /// possible duplicate.
    pub flags: &'a [(String, Tone)],
    /// Whether the row is selected.
    pub selected: bool,
}

fn line(text: &str, font: FontId, color: egui::Color32, width: f32) -> LayoutJob {
    let mut job =
        LayoutJob::single_section(text.to_owned(), TextFormat { font_id: font, color, ..TextFormat::default() });
    job.wrap = TextWrapping { max_width: width, max_rows: 1, break_anywhere: true, overflow_character: Some('…') };
    job
}

/// Draws `row` `height` high across the width left; clicked when the clerk picks it. Screen
/// readers hear the title, the second line and the state as one label.
pub fn show(ui: &mut egui::Ui, row: &Row<'_>, height: f32) -> egui::Response {
    let width = ui.available_width().max(40.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    let mut label = format!("{}\n{}", row.title, row.meta);
    for (flag, _) in row.flags {
        label.push(' ');
        label.push_str(flag);
    }
    label.push(' ');
    label.push_str(row.badge);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, row.selected, &label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, row.selected);
    if row.selected || response.hovered() || response.has_focus() {
        ui.painter().rect(
            rect,
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let font = FontId::proportional(body);
    let pad = ui.spacing().button_padding.x;
    let inner = width - 2.0 * pad;
    let strong = if row.selected { visuals.text_color() } else { ui.visuals().strong_text_color() };
    let title = ui.painter().layout_job(line(row.title, font.clone(), strong, inner));
    let dark = ui.visuals().dark_mode;
    let pill = |tone| TextFormat {
        font_id: FontId::proportional(body * 0.9),
        color: tokens::on_fill(),
        background: tokens::fill(tone, dark),
        ..TextFormat::default()
    };
    // The state's badge always shows whole; the other badges share what is left of 65 % of the
    // row and end in "…" in a narrow inbox; the second line gets the rest.
    let mut state = LayoutJob::default();
    state.append(&format!(" {} ", row.badge), 0.0, pill(row.tone));
    let state = ui.painter().layout_job(state);
    let mut flags = LayoutJob::default();
    for (flag, tone) in row.flags {
        flags.append(&format!(" {flag} "), 0.0, pill(*tone));
        flags.append(" ", 0.0, TextFormat { font_id: FontId::proportional(body * 0.9), ..TextFormat::default() });
    }
    let flags_width = (inner * 0.65 - state.size().x).max(0.0);
    flags.wrap =
        TextWrapping { max_width: flags_width, max_rows: 1, break_anywhere: true, overflow_character: Some('…') };
    let flags = ui.painter().layout_job(flags);
    let meta_width = (inner - state.size().x - flags.size().x - pad).max(20.0);
    let meta = ui.painter().layout_job(line(row.meta, font, visuals.text_color(), meta_width));
    let top = rect.top() + 2.0;
    ui.painter().galley(egui::pos2(rect.left() + pad, top), title, strong);
    let second = top + body + ui.spacing().item_spacing.y;
    let meta_width = meta.size().x;
    ui.painter().galley(egui::pos2(rect.left() + pad, second), meta, visuals.text_color());
    let flags_at = rect.left() + pad + meta_width + pad;
    let flags_width = flags.size().x;
    ui.painter().galley(egui::pos2(flags_at, second), flags, tokens::on_fill());
    ui.painter().galley(egui::pos2(flags_at + flags_width, second), state, tokens::on_fill());
    response
}
