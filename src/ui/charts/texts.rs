//! The words of the charts, in Swedish and English.

use crate::ui::i18n::Lang;

impl Lang {
    pub fn show_as_table(self) -> &'static str {
        self.pick("Visa som tabell", "Show as table")
    }

    /// The sign of a change written out for screen readers: "ökning", "minskning".
    pub fn change_word(self, up: bool) -> &'static str {
        match up {
            true => self.pick("ökning", "increase"),
            false => self.pick("minskning", "decrease"),
        }
    }
}
