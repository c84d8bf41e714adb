// The fonts shipped with the app, for the window itself: a fresh system may lack a
// Chinese font (a fresh Debian has none), and the interface would show empty boxes.
// Rust serves the files on the `clubfonts` scheme (src-tauri/src/fonts.rs); each face
// is fetched only when text needs it — the 16 MB Chinese one only for Chinese text.
import { convertFileSrc, isTauri } from "@tauri-apps/api/core";

/** The interface's font families, first choice first (styles.css names them too). */
export const UI_FONT = "Club Sans";
export const UI_FONT_CJK = "Club Sans CJK";

// CJK punctuation, kana, the unified ideographs and full-width forms.
const CJK_RANGE = "U+2E80-2FDF, U+3000-33FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF";

const FACES: { family: string; file: string; weight: string; style?: string; unicodeRange?: string }[] = [
  { family: UI_FONT, file: "NotoSans-Regular.ttf", weight: "400" },
  { family: UI_FONT, file: "NotoSans-Bold.ttf", weight: "600 700" },
  { family: UI_FONT, file: "NotoSans-Italic.ttf", weight: "400", style: "italic" },
  { family: UI_FONT_CJK, file: "NotoSansCJKsc-Regular.otf", weight: "400", unicodeRange: CJK_RANGE },
  { family: UI_FONT_CJK, file: "NotoSansCJKsc-Bold.otf", weight: "600 700", unicodeRange: CJK_RANGE },
];

/** Registers the shipped faces with the document; outside the app (tests) it does nothing. */
export function registerShippedFonts(): void {
  if (!isTauri() || typeof FontFace === "undefined") return;
  for (const f of FACES) {
    const face = new FontFace(f.family, `url("${convertFileSrc(f.file, "clubfonts")}")`, {
      weight: f.weight,
      style: f.style ?? "normal",
      unicodeRange: f.unicodeRange,
      display: "swap",
    });
    document.fonts.add(face);
  }
}
