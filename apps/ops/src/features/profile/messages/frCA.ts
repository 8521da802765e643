// Profile feature, French (the reference: en-CA must have exactly these keys).
export const frCA = {
  title: 'Mon profil',
  subtitle: 'Votre identité et ce que vous pouvez faire dans Gigafibre Ops.',
  identity: 'Identité',
  name: 'Nom',
  email: 'Courriel',
  username: 'Nom d’utilisateur',
  groups: 'Groupes',
  capabilities: 'Autorisations',
  noGroups: 'Aucun groupe',
  noCapabilities: 'Aucune autorisation : demandez à un administrateur de vous ajouter à un groupe.',
  signOut: 'Se déconnecter',
};
