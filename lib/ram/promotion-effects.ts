// What promoting a share created from a resource policy changes, in the admin's words (the plan's notes and the
// share page say it); no imports, so client components may show it.
export const PROMOTION_EFFECTS = [
  'The share becomes STANDARD: you manage its resources, principals and permissions in RAM, and RAM maintains the resource-based policy from then on.',
  'Its principals see it in RAM (shared with me); before, only the owner did. Their access does not change.',
  "The permission RAM made from the policy is copied into a customer managed permission with the same actions and conditions, which the share then uses; RAM deletes the original once no share uses it.",
];

