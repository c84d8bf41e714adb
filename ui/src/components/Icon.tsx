// Icons drawn as SVG: symbol characters (a pin, a lock, a warning sign, a check mark) show as empty boxes on systems
// without a font that has them. Each is a few strokes on a 16×16 grid in currentColor.

const PATHS = {
  pin: "M6 2h4l-.5 4 2.5 2.5H4L6.5 6zM8 8.5V14",
  warning: "M8 2 14.5 13.5h-13zM8 6.5v3.5M8 11.8v.2",
  copy: "M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3",
  lock: "M3.5 7.5h9v6.5h-9zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5",
  close: "M3.5 3.5l9 9M12.5 3.5l-9 9",
  check: "M2.5 8.5l3.5 3.5 7.5-8",
  up: "M8 13.5V2.5M3.5 7 8 2.5 12.5 7",
  down: "M8 2.5v11M3.5 9 8 13.5 12.5 9",
  back: "M13.5 8h-11M7 3.5 2.5 8 7 12.5",
  grip: "M6 3v.2M10 3v.2M6 8v.2M10 8v.2M6 13v.2M10 13v.2",
  sync: "M13 8a5 5 0 0 0-9.33-2.5M3.5 2.5v3h3M3 8a5 5 0 0 0 9.33 2.5M12.5 13.5v-3h-3",
  offline: "M4.5 12.5h7a3 3 0 0 0 0-6A4 4 0 0 0 4.1 7.7a2.4 2.4 0 0 0 .4 4.8zM2 2l12 12",
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative icon: the button or text around it carries the meaning (aria-label). */
export function Icon({ name, title }: { name: IconName; title?: string }) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === "grip" ? 2.6 : 1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? "img" : undefined}
      aria-label={title}
      focusable="false"
    >
      {title && <title>{title}</title>}
      <path d={PATHS[name]} />
    </svg>
  );
}
