import { customerCommand, type Action } from './customer-sim';
import { demoName } from './names';
import { demoAddress, demoPhone } from './places';

export const register: Action = (sim, at) => {
  const { random } = sim;
  const { name, email } = demoName(random, sim.index + 1);
  const phone = random.chance(0.85) ? { phone: demoPhone(random) } : {};
  const address = random.chance(0.75) ? { address: demoAddress(random) } : {};
  return customerCommand(sim, at, 'RegisterCustomer', {
    name,
    email,
    ...phone,
    ...address,
    registeredVia: sim.persona.registeredVia,
  });
};
