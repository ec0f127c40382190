/** The one source of the current time for services and routes, so deadlines can be tested at any date. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
