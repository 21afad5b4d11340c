/** Tableau 10: ten hues that stay apart for most colour vision, on white. */
export const sourceColours = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#e15759', '#9c755f', '#ff9da7', '#bab0ac'] as const;

/** Sources past the tenth share this grey, named "other sources" in the legend. */
export const otherSourcesColour = '#8c8c8c';

export const ink = { text: '#1f2328', muted: '#57606a', axis: '#8c959f', leader: '#c9d1d9', conflict: '#cf222e', today: '#0969da', background: '#ffffff' } as const;
