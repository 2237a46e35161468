/** placeholder: filled in by the dvcqg adapter. */
export {};
