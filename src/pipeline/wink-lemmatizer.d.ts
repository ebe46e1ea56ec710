/** wink-lemmatizer ships no types: the two functions used here (a CommonJS default export). */
declare module 'wink-lemmatizer' {
  const lemmatizer: { verb(word: string): string; noun(word: string): string };
  export default lemmatizer;
}
