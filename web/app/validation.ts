/**
 * Client-side copies of server rules, so most mistakes show before a round trip.
 * The server still decides; its field errors replace these when they disagree.
 */
export const passwordRule = /^(?=.*[A-Za-z])(?=.*\d).{10,}$/
export const mobileRule = /^1\d{10}$/
