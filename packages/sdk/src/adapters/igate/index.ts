/** placeholder: filled in by the igate adapter. */
export {};
