/** A handful of 16px stroke icons for the sidebar and buttons (inline SVG: no icon font to load). */
const PATHS = {
  home: 'M2 7.5 8 2.5l6 5M3.5 6.5V13.5h3.5v-4h2v4h3.5V6.5',
  user: 'M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2.5 14c.6-2.8 2.8-4.5 5.5-4.5s4.9 1.7 5.5 4.5',
  users: 'M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM1.5 13.5c.5-2.4 2.3-3.8 4.5-3.8s4 1.4 4.5 3.8M11 7.5a2 2 0 1 0-.6-3.9M12 9.8c1.3.4 2.2 1.6 2.5 3.2',
  shield: 'M8 1.8 13 3.6v4c0 3.2-2.1 5.6-5 6.6-2.9-1-5-3.4-5-6.6v-4L8 1.8ZM5.8 8l1.6 1.6 3-3.2',
  key: 'M6 10a3.5 3.5 0 1 1 2.9-1.6L14 13.5V15h-2v-1.5h-1.5V12H9L7.6 10.6A3.5 3.5 0 0 1 6 10Zm-1-4.2h.01',
  list: 'M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01',
  gear: 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4Zm5.2-2a5.3 5.3 0 0 0-.1-1l1.4-1.1-1.4-2.4-1.7.6a5 5 0 0 0-1.7-1L9.4 1.3H6.6l-.3 1.8a5 5 0 0 0-1.7 1l-1.7-.6-1.4 2.4L2.9 7a5.3 5.3 0 0 0 0 2l-1.4 1.1 1.4 2.4 1.7-.6a5 5 0 0 0 1.7 1l.3 1.8h2.8l.3-1.8a5 5 0 0 0 1.7-1l1.7.6 1.4-2.4L13.1 9c.1-.3.1-.7.1-1Z',
  mail: 'M2 3.5h12v9H2v-9Zm0 .5 6 4.5L14 4',
  box: 'M8 1.5 14 4.5v7L8 14.5 2 11.5v-7L8 1.5Zm0 6.5v6.5M2 4.5 8 8l6-3.5',
  cart: 'M1.5 2h2l1.6 8h7.4l1.5-5.5H4.3M6.5 13.5h.01M11.5 13.5h.01',
  money: 'M1.5 4h13v8h-13V4Zm6.5 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM4 6.5v3M12 6.5v3',
  inbox: 'M1.5 9 3.5 3h9l2 6v4.5h-13V9Zm0 0H5l1 2h4l1-2h3.5',
  tag: 'M1.8 1.8h5.7l6.7 6.7-5.7 5.7-6.7-6.7V1.8Zm3 3h.01',
  rules: 'M2 4h7M12 4h2M2 12h2M7 12h7M10.5 5.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM5.5 13.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  logout: 'M6 14H2.5V2H6M10.5 11.5 14 8l-3.5-3.5M14 8H6',
  globe: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM1.5 8h13M8 1.5c1.8 1.8 2.6 4 2.6 6.5S9.8 12.7 8 14.5C6.2 12.7 5.4 10.5 5.4 8S6.2 3.3 8 1.5Z',
  copy: 'M5.5 5.5h8v8h-8v-8ZM10.5 5.5v-3h-8v8h3',
  download: 'M8 2v8.5M4.5 7 8 10.5 11.5 7M2.5 13.5h11',
  refresh: 'M13.5 3v3.5H10M2.5 13v-3.5H6M3.2 6.2A5 5 0 0 1 13.3 6.4M12.8 9.8A5 5 0 0 1 2.7 9.6',
  plus: 'M8 3v10M3 8h10',
  x: 'M3.5 3.5l9 9M12.5 3.5l-9 9',
  chevron: 'M6 3.5 10.5 8 6 12.5',
  clock: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM8 4.5V8l2.5 1.5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
