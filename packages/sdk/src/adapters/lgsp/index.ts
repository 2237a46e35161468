/** placeholder: filled in by the lgsp adapter. */
export {};
