/**
 * The version of the deck rules (the schema and the checks of validate.ts). Stored decks, and
 * what storage derives from them, remember the version that passed them: change it whenever a
 * rule changes, so every stored deck is checked again. In a module of its own, importing
 * nothing, so that reading what was derived does not load the validator.
 */
export const RULES_VERSION = 2;
