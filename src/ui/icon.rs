//! Kirjaamo's icon as the window's own (title bar, task bar, Alt+Tab). The same design is in the
//! Windows exe's resources, the MSI's shortcut and the Linux package (`assets/icon/`, drawn by
//! `scripts/make-icon.sh`).

/// The icon at 128 px, the size task bars and window switchers scale from.
const PNG: &[u8] = include_bytes!("../../assets/icon/kirjaamo-128.png");

/// The window icon, or `None` if the built-in picture could not be read (the window then opens
/// with the system's default icon; that is logged, not fatal).
pub fn window_icon() -> Option<egui::IconData> {
    match image::load_from_memory_with_format(PNG, image::ImageFormat::Png) {
        Ok(picture) => {
            let picture = picture.into_rgba8();
            Some(egui::IconData { width: picture.width(), height: picture.height(), rgba: picture.into_raw() })
        }
        Err(e) => {
            tracing::warn!("the window icon could not be read: {e}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_128_pixel_picture_with_a_transparent_corner_and_a_solid_middle() {
        let icon = super::window_icon().unwrap_or_else(|| panic!("the icon decodes"));
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        let alpha = |x: usize, y: usize| icon.rgba[(y * 128 + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0, "the rounded corner is transparent");
        assert_eq!(alpha(64, 64), 255, "the sheet is solid");
    }
}
