/** A text cut to at most `max` characters, with an ellipsis where it was cut (…, or …… in an order's prose). */
export const shorten = (text: string, max: number, ellipsis = "…") =>
  text.length > max ? `${text.slice(0, max)}${ellipsis}` : text;
