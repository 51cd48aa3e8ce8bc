import { RegionEntity, MunicipalityEntity, OrganisationEntity } from '../regions/region.entity';
import { UserEntity } from '../auth/user.entity';

/** Every TypeORM entity of the product, for the data source. */
export const entities = [RegionEntity, MunicipalityEntity, OrganisationEntity, UserEntity];
