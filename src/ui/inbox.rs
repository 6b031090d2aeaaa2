//! The inbox: pending transactions, filtered, virtualised so thousands scroll smoothly.

use super::app::DeskApp;
use crate::contract::outbox::TransactionSummary;
use crate::pdf::timestamp;

/// The rows the filter lets through, in inbox order: borrowed, so drawing a frame copies nothing.
pub fn visible(app: &DeskApp) -> Vec<&TransactionSummary> {
    let needle = app.filter.trim().to_lowercase();
    let matches = |t: &TransactionSummary| {
        needle.is_empty()
            || t.title.to_lowercase().contains(&needle)
            || t.service.name.to_lowercase().contains(&needle)
            || t.id.to_lowercase().contains(&needle)
    };
    app.inbox.value().map(|rows| rows.iter().filter(|t| matches(t)).collect()).unwrap_or_default()
}

/// Draws the inbox panel.
pub fn show(app: &mut DeskApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let label = ui.label("Suodata");
        let edit = ui.text_edit_singleline(&mut app.filter).labelled_by(label.id);
        if app.focus_filter {
            edit.request_focus();
            app.focus_filter = false;
        }
    });
    if let Some(error) = app.inbox.error() {
        ui.colored_label(ui.visuals().error_fg_color, format!("Saapuneita ei saatu: {error}"));
    }
    unfinished(app, ui);
    let rows = visible(app);
    ui.label(format!("{} odottaa", rows.len()));
    let mut clicked = None;
    ui.separator();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, row_height, rows.len(), |ui, range| {
        for row in &rows[range] {
            let selected = app.selected.as_deref() == Some(row.id.as_str());
            let claim = row.claim.as_ref().map(|c| format!(" · käsittelee {}", c.holder)).unwrap_or_default();
            // Two lines a row, as the virtualised list assumes: the title names the service.
            let text = format!(
                "{}\n{} · {} liitettä{claim}",
                row.title,
                timestamp(row.submitted_at, crate::domain::Language::Fi),
                row.attachment_count
            );
            if ui.selectable_label(selected, text).clicked() {
                clicked = Some(row.id.clone());
            }
        }
    });
    if let Some(id) = clicked {
        app.select(&id);
    }
}

/// Filings of this machine that failed or were interrupted, with their reason and a retry.
fn unfinished(app: &mut DeskApp, ui: &mut egui::Ui) {
    let Some(records) = app.unfinished.value().filter(|r| !r.is_empty()).cloned() else { return };
    let mut retry = None;
    egui::CollapsingHeader::new(format!("Keskeneräiset kirjaukset ({})", records.len())).default_open(true).show(
        ui,
        |ui| {
            for record in &records {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(&record.transaction_id).strong());
                    ui.label(record.error.as_deref().unwrap_or("keskeytyi"));
                    let running = app.filings.get(&record.transaction_id).is_some_and(|f| f.running);
                    if ui.add_enabled(!running, egui::Button::new("Yritä uudelleen")).clicked() {
                        retry = Some(record.plan.clone());
                    }
                });
            }
        },
    );
    if let Some(plan) = retry {
        app.filings.entry(plan.transaction_id.clone()).or_default().running = true;
        app.backend.retry(plan);
    }
    ui.separator();
}
