//! Everything the desk is asked to do, from whichever source: a key, a panel, the overlays, an
//! answer that arrived. Each frame queues them ([`DeskApp::queue`]) and applies them once, in
//! order, at the end of the frame ([`DeskApp::apply_queue`]), as egui's `wrap_app.rs` runs its
//! commands and rerun's command sender does; nothing changes the desk's state mid-frame.

use super::DeskApp;
use crate::domain::TransactionId;
use crate::ui::admin::AdminCommand;
use crate::ui::backend::Reply;
use crate::ui::desk::bulk_confirm::ConfirmCommand;
use crate::ui::desk::day::DayCommand;
use crate::ui::desk::detail::DetailCommand;
use crate::ui::desk::failed::FailedCommand;
use crate::ui::desk::filing::FilingCommand;
use crate::ui::desk::inbox::InboxCommand;
use crate::ui::desk::keymap::KeyCommand;
use crate::ui::desk::top::TopCommand;

/// One thing the desk is asked to do.
#[derive(Debug)]
pub enum Command {
    /// A key of the key table.
    Key(KeyCommand),
    /// The top bar.
    Top(TopCommand),
    /// The inbox.
    Inbox(InboxCommand),
    /// The transaction's detail, about the transaction it showed.
    Detail(TransactionId, DetailCommand),
    /// The filing panel, about the transaction it showed.
    Filing(TransactionId, FilingCommand),
    /// The failed view.
    Failed(FailedCommand),
    /// The day list.
    Day(DayCommand),
    /// The admin view.
    Admin(AdminCommand),
    /// The bulk confirmation's buttons.
    Bulk(ConfirmCommand),
    /// The key overlay's close button.
    CloseHelp,
    /// A filing's or an undo's news from the backend.
    Reply(Reply),
    /// A requested value arrived; what follows from it.
    Arrived(Arrived),
}

/// Which requested value arrived (its value is in its own field already).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrived {
    /// The selected transaction's details.
    Transaction,
    /// TWeb's catalog, and the mappings checked against it.
    Catalog,
    /// The office's recent filings.
    Recent,
    /// The journal's unfinished filings.
    Unfinished,
    /// The admin's save of a mapping.
    AdminSaved,
    /// The filing panel's save of a default.
    DefaultSaved,
    /// A mapping imported from a file.
    Imported,
    /// A mapping exported to a file.
    Exported,
    /// The virus scanner found malware in an attachment the clerk opened: the transaction goes
    /// into quarantine.
    Infected(crate::domain::TransactionId, crate::contract::outbox::LeftOutFile),
}

impl DeskApp {
    /// Queues `commands` for the end of the frame.
    pub(super) fn queue(&mut self, commands: impl IntoIterator<Item = Command>) {
        self.queue.extend(commands);
    }

    /// Applies every queued command, in order; one applied may queue more (an answer that starts
    /// the next request), which run in the same pass. Asks for another frame when any ran, so
    /// their effect shows at once.
    pub(super) fn apply_queue(&mut self, ctx: &egui::Context) {
        let mut ran = false;
        while !self.queue.is_empty() {
            for command in std::mem::take(&mut self.queue) {
                self.apply(ctx, command);
                ran = true;
            }
        }
        if ran {
            ctx.request_repaint();
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Key(key) => self.on_key(ctx, key),
            Command::Top(command) => self.on_top(command),
            Command::Inbox(command) => self.on_inbox(command),
            // About what the clerk saw: dropped when the selection moved on before it was applied
            // (a key pressed in the same frame).
            Command::Detail(id, command) if self.selected.as_deref() == Some(id.as_str()) => self.on_detail(command),
            Command::Filing(id, command) if self.selected.as_deref() == Some(id.as_str()) => {
                self.on_filing(ctx, command);
            }
            Command::Detail(id, _) | Command::Filing(id, _) => {
                tracing::debug!(transaction = %id, "a panel's command not applied: the selection moved");
            }
            Command::Failed(command) => self.on_failed(command),
            Command::Day(command) => self.on_day(ctx, command),
            Command::Admin(command) => self.on_admin(command),
            Command::Bulk(ConfirmCommand::Confirm) => self.confirm_bulk(),
            Command::Bulk(ConfirmCommand::Cancel) => self.bulk_confirm = None,
            Command::CloseHelp => self.keys_help = false,
            Command::Reply(reply) => self.take(reply),
            Command::Arrived(what) => self.arrived(what),
        }
    }
}
