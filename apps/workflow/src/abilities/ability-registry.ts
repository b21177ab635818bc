import { Inject, Injectable } from '@nestjs/common';
import type { Turn } from '../turn/turn';
import { ABILITIES, type Ability } from './ability';
import { IMPLICIT_ABILITIES, type AbilityName } from '../definitions/ability-names';

/**
 * The abilities an agent step gets in a turn: the ones it lists, and the implicit ones
 * (handoff_to_human), that the turn may offer.
 */
@Injectable()
export class AbilityRegistry {
  private readonly byName: Map<string, Ability>;

  constructor(@Inject(ABILITIES) abilities: Ability[]) {
    this.byName = new Map(abilities.map((a) => [a.name, a]));
  }

  forStep(names: readonly AbilityName[], turn: Turn): Ability[] {
    const offered = [...new Set([...names, ...IMPLICIT_ABILITIES])];
    return offered.map((n) => this.byName.get(n)).filter((a): a is Ability => !!a && a.isAvailable(turn));
  }
}
